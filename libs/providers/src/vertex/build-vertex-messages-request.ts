import type { NativeMessagesRequest } from '../native-messages-adapter.js';
import { setTopLevelFields } from '../shared/set-top-level-fields.js';
import type { BuiltRequest, UpstreamTarget } from '../upstream-request.js';
import { buildVertexUrl } from './build-vertex-url.js';
import { VERTEX_ANTHROPIC_VERSION } from './create-vertex-anthropic-adapter.js';

/** The caller's headers Claude on Vertex reads: the betas (the version goes into the body). */
export const VERTEX_MESSAGES_FORWARDED_HEADERS: readonly string[] = ['anthropic-beta'];

/**
 * A caller's Messages request as Claude on Vertex AI takes it (the signer adds the bearer token):
 * `publishers/anthropic/models/{m}:rawPredict`, or `:streamRawPredict` when the body asks for a
 * stream, with the caller's body minus `model` (the URL names it) plus
 * `anthropic_version: vertex-2023-10-16`, and the caller's `anthropic-beta` header. Every other
 * byte, `stream` included, is the caller's.
 */
export function buildVertexMessagesRequest(
  request: NativeMessagesRequest,
  target: UpstreamTarget,
): BuiltRequest {
  const { stream } = request;
  const headers: Record<string, string> = {
    ...target.extraHeaders,
    'content-type': 'application/json',
  };
  const beta = request.headers['anthropic-beta'];
  if (beta !== undefined) headers['anthropic-beta'] = beta;
  return {
    url: buildVertexUrl(target, 'anthropic', stream ? 'streamRawPredict' : 'rawPredict'),
    method: 'POST',
    headers,
    body: setTopLevelFields(request.rawBody, {
      ...request.overrides,
      model: undefined,
      anthropic_version: VERTEX_ANTHROPIC_VERSION,
    }),
    warnings: [],
  };
}
