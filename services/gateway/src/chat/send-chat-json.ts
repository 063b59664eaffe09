import type { FastifyReply } from 'fastify';
import type { Route } from '../catalog/model-catalog.js';
import type { UpstreamCallResult } from '../relay/call-upstream.js';
import { parseUpstreamJson } from '../relay/parse-upstream-json.js';
import { responseContext } from '../relay/response-context.js';
import type { OutcomeTracker } from '../usage/track-outcome.js';

/** Reads a non-streaming completion, adds `usage.cost`, and sends it. */
export async function sendChatJson(options: {
  reply: FastifyReply;
  route: Route;
  call: UpstreamCallResult;
  outcome: OutcomeTracker;
  now: () => number;
}): Promise<FastifyReply> {
  const { reply, route, call, outcome, now } = options;
  const parsed = await parseUpstreamJson(call, route, (json) =>
    route.provider.adapter.parseChatResponse(json, responseContext(route, now)),
  );
  const usage = parsed.usage;
  if (usage !== undefined && typeof parsed.body.usage === 'object' && parsed.body.usage !== null) {
    parsed.body.usage = { ...parsed.body.usage, cost: Number(outcome.cost(usage)) };
  }
  outcome.finish({ status: 200, errorCode: null, usage, usageSource: usage ? 'provider' : 'none' });
  return reply.send(parsed.body);
}
