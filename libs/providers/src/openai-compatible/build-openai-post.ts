import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';

/** A JSON POST to an OpenAI-compatible server, with its bearer key when it has one. */
export function buildOpenAiPost(
  url: string,
  target: UpstreamTarget,
  body: Record<string, unknown>,
): BuiltRequest {
  // Begins with a key (see `buildOpenAiRequest`); ours still wins over a configured one.
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...target.extraHeaders,
  };
  headers['content-type'] = 'application/json';
  if (target.apiKey !== undefined) headers.authorization = `Bearer ${target.apiKey}`;
  return { url, method: 'POST', headers, body: JSON.stringify(body), warnings: [] };
}
