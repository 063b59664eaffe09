import type { JsonObjectText } from '@switchyard/contracts';
import { buildOpenAiPost } from '../openai-compatible/build-openai-post.js';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { setTopLevelFields } from '../shared/set-top-level-fields.js';

/** Fields that only steer Switchyard's routing and are never sent upstream. */
const ROUTING_FIELDS = ['models', 'provider'] as const;

/**
 * The caller's Responses request as OpenAI's `/responses` takes it: every field passed on as
 * sent, the model replaced by the upstream name. Given the caller's text (`source`), those bytes
 * go with only `model`, a lowered `max_output_tokens` and the routing fields changed, instead of
 * the body re-serialised (a coding agent's turn is 100 KB).
 */
export function buildResponsesRequest(
  body: Readonly<Record<string, unknown>>,
  target: UpstreamTarget,
  source?: JsonObjectText,
): BuiltRequest {
  const url = `${target.baseUrl}/responses`;
  if (source !== undefined) {
    const fields: Record<string, unknown> = { model: target.upstreamModel };
    for (const field of ROUTING_FIELDS) fields[field] = undefined;
    if (typeof body.max_output_tokens === 'number') {
      fields.max_output_tokens = body.max_output_tokens;
    }
    return buildOpenAiPost(url, target, setTopLevelFields(source, fields));
  }
  const forwarded: Record<string, unknown> = { ...body, model: target.upstreamModel };
  for (const field of ROUTING_FIELDS) delete forwarded[field];
  return buildOpenAiPost(url, target, JSON.stringify(forwarded));
}
