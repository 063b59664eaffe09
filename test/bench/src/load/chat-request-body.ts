/** The chat completion request every target receives, as JSON; `stream` asks for usage too. */
export function chatRequestBody(model: string, stream: boolean): string {
  return JSON.stringify({
    model,
    messages: [
      { role: 'system', content: 'You are a benchmark. Answer briefly.' },
      { role: 'user', content: 'Say hello to the benchmark.' },
    ],
    max_tokens: 64,
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  });
}
