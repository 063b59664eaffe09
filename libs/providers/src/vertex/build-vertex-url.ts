import type { UpstreamTarget } from '../provider-adapter.js';
import type { VertexPublisher } from './vertex-publisher-of.js';

/** The Vertex AI methods Switchyard calls. */
export type VertexMethod =
  | 'generateContent'
  | 'streamGenerateContent'
  | 'rawPredict'
  | 'streamRawPredict'
  | 'predict';

/**
 * `{baseUrl}/publishers/{publisher}/models/{model}:{method}`, where the base URL names the project
 * and location: `https://{region}-aiplatform.googleapis.com/v1/projects/{project}/locations/{region}`
 * (or `https://aiplatform.googleapis.com/v1/projects/{project}/locations/global`). Gemini streams ask
 * for SSE framing (`?alt=sse`); Claude's `streamRawPredict` is SSE already.
 */
export function buildVertexUrl(
  target: UpstreamTarget,
  publisher: VertexPublisher,
  method: VertexMethod,
): string {
  // `@` stays as written in versioned Claude ids (`claude-sonnet-4-5@20250929`), as Anthropic's SDK sends it.
  const model = encodeURIComponent(target.upstreamModel).replaceAll('%40', '@');
  const query = method === 'streamGenerateContent' ? '?alt=sse' : '';
  return `${target.baseUrl}/publishers/${publisher}/models/${model}:${method}${query}`;
}
