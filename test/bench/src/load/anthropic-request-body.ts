/**
 * The Anthropic Messages request the upstream's `/v1/messages` receives when called directly:
 * the same conversation as `chatRequestBody`, with the system prompt lifted out as Anthropic has it.
 */
export function anthropicRequestBody(model: string, stream: boolean): string {
  return JSON.stringify({
    model,
    system: 'You are a benchmark. Answer briefly.',
    messages: [{ role: 'user', content: 'Say hello to the benchmark.' }],
    max_tokens: 64,
    ...(stream ? { stream: true } : {}),
  });
}
