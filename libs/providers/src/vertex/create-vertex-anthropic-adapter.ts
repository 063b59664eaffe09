import { createAnthropicAdapter } from '../anthropic/anthropic-adapter.js';
import type { ProviderAdapter } from '../provider-adapter.js';
import { buildVertexUrl } from './build-vertex-url.js';
import { parseVertexError } from './parse-vertex-error.js';

/** The Messages API version Vertex AI's Claude models take, in the body. */
export const VERTEX_ANTHROPIC_VERSION = 'vertex-2023-10-16';

/**
 * Claude on Vertex AI: Anthropic's Messages body and translation (the anthropic adapter's),
 * without `model` (the URL names it) and with `anthropic_version` in the body instead of the
 * header, posted to `:rawPredict` (`:streamRawPredict` when streaming). The bearer token is the
 * signer's to add.
 */
export function createVertexAnthropicAdapter(): ProviderAdapter {
  const base = createAnthropicAdapter();
  return {
    ...base,
    type: 'vertex',
    buildChatRequest(request, target) {
      const built = base.buildChatRequest(request, { ...target, apiKey: undefined });
      const body: Record<string, unknown> = JSON.parse(built.body ?? '{}');
      delete body.model;
      const headers = { ...built.headers };
      delete headers['anthropic-version'];
      const method = request.stream === true ? 'streamRawPredict' : 'rawPredict';
      return {
        ...built,
        url: buildVertexUrl(target, 'anthropic', method),
        headers,
        body: JSON.stringify({ anthropic_version: VERTEX_ANTHROPIC_VERSION, ...body }),
      };
    },
    parseError: parseVertexError,
  };
}
