/**
 * The Responses API request of the short body: the same question as `chatRequestBody`, the system
 * prompt as `instructions` and the question as a one-line `input`; `store: false`, as Codex sends
 * it, like the agent turn (the two differ in size only).
 */
export function responsesRequestBody(model: string, stream: boolean): string {
  return JSON.stringify({
    model,
    instructions: 'You are a benchmark. Answer briefly.',
    input: 'Say hello to the benchmark.',
    max_output_tokens: 64,
    store: false,
    ...(stream ? { stream: true } : {}),
  });
}
