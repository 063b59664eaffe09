import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';

/** A JSON POST (`body`, the JSON text) to an OpenAI-compatible server, with its bearer key when it has one. */
export function buildOpenAiPost(url: string, target: UpstreamTarget, body: string): BuiltRequest {
  // Begins with a key (see `buildOpenAiRequest`); ours still wins over a configured one.
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...target.extraHeaders,
  };
  headers['content-type'] = 'application/json';
  if (target.apiKey !== undefined) headers.authorization = `Bearer ${target.apiKey}`;
  return { url, method: 'POST', headers, body, warnings: [] };
}
