import type { NativeMessagesRequest } from '../native-messages-adapter.js';
import { setTopLevelFields } from '../shared/set-top-level-fields.js';
import type { BuiltRequest, UpstreamTarget } from '../upstream-request.js';
import { buildBedrockUrl } from './build-bedrock-url.js';

/** The Messages API version Claude takes on Bedrock, in the body. */
export const BEDROCK_ANTHROPIC_VERSION = 'bedrock-2023-05-31';

/** The caller's headers a Bedrock pass-through reads: the betas go into the body. */
export const BEDROCK_MESSAGES_FORWARDED_HEADERS: readonly string[] = ['anthropic-beta'];

/**
 * A caller's Messages request as Claude on Bedrock takes it, unsigned (the provider's SigV4
 * signer signs it): `POST /model/{id}/invoke`, or `invoke-with-response-stream` when the body
 * asks for a stream, with the caller's body minus `model` (the URL names it) and `stream` (the
 * operation says it; Bedrock refuses the field), plus `anthropic_version: bedrock-2023-05-31`
 * and the `anthropic-beta` header's values as `anthropic_beta`. Every other byte is the caller's.
 */
export function buildBedrockMessagesRequest(
  request: NativeMessagesRequest,
  target: UpstreamTarget,
): BuiltRequest {
  const { stream } = request;
  const betas = (request.headers['anthropic-beta'] ?? '')
    .split(',')
    .map((beta) => beta.trim())
    .filter((beta) => beta !== '');
  const fields: Record<string, unknown> = {
    ...request.overrides,
    model: undefined,
    stream: undefined,
    anthropic_version: BEDROCK_ANTHROPIC_VERSION,
  };
  if (betas.length > 0) fields.anthropic_beta = betas;
  return {
    url: buildBedrockUrl(
      target.baseUrl,
      target.upstreamModel,
      stream ? 'invoke-with-response-stream' : 'invoke',
    ),
    method: 'POST',
    headers: {
      ...target.extraHeaders,
      'content-type': 'application/json',
      accept: stream ? 'application/vnd.amazon.eventstream' : 'application/json',
    },
    body: setTopLevelFields(request.rawBody, fields),
    warnings: [],
  };
}
