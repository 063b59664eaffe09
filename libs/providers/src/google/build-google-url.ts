import type { UpstreamTarget } from '../provider-adapter.js';

/** The Gemini model methods Switchyard calls. */
export type GoogleMethod = 'generateContent' | 'streamGenerateContent' | 'batchEmbedContents';

/**
 * `{baseUrl}/models/{model}:{method}` (base URL like `…/v1beta`); a configured `models/` prefix is
 * tolerated, and streams ask for SSE framing (`?alt=sse`) instead of one JSON array.
 */
export function buildGoogleUrl(target: UpstreamTarget, method: GoogleMethod): string {
  const model = encodeURIComponent(target.upstreamModel.replace(/^models\//, ''));
  const query = method === 'streamGenerateContent' ? '?alt=sse' : '';
  return `${target.baseUrl}/models/${model}:${method}${query}`;
}
