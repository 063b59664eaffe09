import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';

/** A JSON POST to an OpenAI-compatible server, with its bearer key when it has one. */
export function buildOpenAiPost(
  url: string,
  target: UpstreamTarget,
  body: Record<string, unknown>,
): BuiltRequest {
  const headers: Record<string, string> = {
    ...target.extraHeaders,
    'content-type': 'application/json',
  };
  if (target.apiKey !== undefined) headers.authorization = `Bearer ${target.apiKey}`;
  return { url, method: 'POST', headers, body: JSON.stringify(body), warnings: [] };
}
