import { buildOpenAiPost } from '../openai-compatible/build-openai-post.js';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';

/** Fields that only steer Switchyard's routing and are never sent upstream. */
const ROUTING_FIELDS = ['models', 'provider'] as const;

/**
 * The caller's Responses request as OpenAI's `/responses` takes it: every field passed on as
 * sent, the model replaced by the upstream name.
 */
export function buildResponsesRequest(
  body: Readonly<Record<string, unknown>>,
  target: UpstreamTarget,
): BuiltRequest {
  const forwarded: Record<string, unknown> = { ...body, model: target.upstreamModel };
  for (const field of ROUTING_FIELDS) delete forwarded[field];
  return buildOpenAiPost(`${target.baseUrl}/responses`, target, JSON.stringify(forwarded));
}
