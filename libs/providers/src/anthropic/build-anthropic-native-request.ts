import type { NativeMessagesRequest } from '../native-messages-adapter.js';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { setTopLevelFields } from '../shared/set-top-level-fields.js';
import { ANTHROPIC_VERSION } from './anthropic-version.js';

/** The caller's headers Anthropic reads that a pass-through forwards; never credentials. */
export const ANTHROPIC_FORWARDED_HEADERS: readonly string[] = [
  'anthropic-version',
  'anthropic-beta',
];

/**
 * A caller's Messages request sent to Anthropic as it came (`path` `/messages` or
 * `/messages/count_tokens`): the body's bytes with `model` set to the upstream name and the
 * gateway's overrides, the caller's `anthropic-version` (else the gateway's) and `anthropic-beta`,
 * and the gateway's credential. Nothing is translated, so nothing is warned about.
 */
export function buildAnthropicNativeRequest(
  request: NativeMessagesRequest,
  target: UpstreamTarget,
  path: '/messages' | '/messages/count_tokens',
): BuiltRequest {
  const headers: Record<string, string> = {
    ...target.extraHeaders,
    'anthropic-version': request.headers['anthropic-version'] ?? ANTHROPIC_VERSION,
    'content-type': 'application/json',
  };
  const beta = request.headers['anthropic-beta'];
  if (beta !== undefined) headers['anthropic-beta'] = beta;
  if (target.apiKey !== undefined) headers['x-api-key'] = target.apiKey;
  return {
    url: `${target.baseUrl}${path}`,
    method: 'POST',
    headers,
    body: setTopLevelFields(request.rawBody, {
      ...request.overrides,
      model: target.upstreamModel,
    }),
    warnings: [],
  };
}
