import type { FastifyReply } from 'fastify';
import type { Admitted } from '../pipeline/admitted.js';
import { parseUpstreamJson } from '../relay/parse-upstream-json.js';
import { responseContext } from '../relay/response-context.js';
import type { RoutedCall } from '../routing/call-with-fallback.js';
import { jsonAnswer } from '../usage/answer.js';
import { stripReasoning } from './without-reasoning.js';

/** Reads a non-streaming completion as OpenAI JSON with `usage.cost`, settling the request. */
export async function readChatJson(options: {
  call: RoutedCall;
  outcome: Admitted;
  now: () => number;
  /** OpenRouter's `reasoning.exclude`: reasoning is left out of the message. */
  excludeReasoning?: boolean;
}): Promise<Record<string, unknown>> {
  const { call, outcome, now } = options;
  const { route } = call.candidate;
  const parsed = await parseUpstreamJson(call, (json) =>
    route.provider.adapter.parseChatResponse(json, responseContext(route, now)),
  );
  // The Switchyard id of the model that served (`openai/gpt-4o`), as OpenRouter answers.
  parsed.body.model = call.candidate.model.id;
  if (options.excludeReasoning === true) stripReasoning(parsed.body);
  const usage = parsed.usage;
  const cost = usage === undefined ? undefined : outcome.cost(usage);
  const bodyUsage = parsed.body.usage;
  if (cost !== undefined && typeof bodyUsage === 'object' && bodyUsage !== null) {
    // Set on the parsed object (ours), not spread into a copy: see `createRouter` on spreads.
    (bodyUsage as Record<string, unknown>).cost = Number(cost);
  }
  outcome.settle({
    status: 200,
    errorCode: null,
    errorMessage: null,
    usage,
    delivery: 'complete',
    answer: jsonAnswer(parsed.body),
  });
  return parsed.body;
}

/** Sends a non-streaming completion. */
export async function sendChatJson(options: {
  reply: FastifyReply;
  call: RoutedCall;
  outcome: Admitted;
  now: () => number;
  excludeReasoning?: boolean;
}): Promise<FastifyReply> {
  return options.reply.send(await readChatJson(options));
}
