import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome, FakeReply } from '../fake-upstream/fake-outcome.js';
import { randomId } from '../fake-upstream/random-id.js';
import { type AnthropicErrorResponse, anthropicErrorBody } from './anthropic-error.js';
import { type AnthropicScenario, parseAnthropicScenario } from './anthropic-scenario.js';
import { anthropicSseFraming } from './anthropic-sse-framing.js';
import { buildAnthropicMessage } from './build-anthropic-message.js';
import {
  type AnthropicStreamEvent,
  buildAnthropicStreamEvents,
} from './build-anthropic-stream-events.js';
import { buildAnthropicUsage, fakeInputTokens } from './build-anthropic-usage.js';
import type { FakePromptCache } from './fake-prompt-cache.js';
import { type FakeMessagesRequest, parseMessagesRequest } from './parse-messages-request.js';
import { planAnthropicReply } from './plan-anthropic-reply.js';

/**
 * `POST /v1/messages`: the scenario named by `model`, else the echo (or tool_use) reply, its
 * cache use from the fake's prompt `cache`.
 */
export function answerMessages(
  call: FakeCall,
  cache: FakePromptCache,
): FakeOutcome<AnthropicErrorResponse> {
  const parsed = parseMessagesRequest(call.body);
  if (!parsed.ok) return { kind: 'refuse', error: parsed.error };
  const { request } = parsed;
  const scenario = parseAnthropicScenario(request.model);
  return {
    kind: 'answer',
    model: request.model,
    scenario,
    stream: request.stream,
    reply: () => messageReply(request, scenario, cache, call.requestId ?? ''),
  };
}

/** `POST /v1/messages/count_tokens`: `{"input_tokens": n}`, the fake's count of the input. */
export function answerCountTokens(call: FakeCall): FakeOutcome<AnthropicErrorResponse> {
  const parsed = parseMessagesRequest(call.body, true);
  if (!parsed.ok) return { kind: 'refuse', error: parsed.error };
  const { request } = parsed;
  return {
    kind: 'answer',
    model: request.model,
    scenario: parseAnthropicScenario(request.model),
    stream: false,
    reply: () => ({
      kind: 'json',
      text: JSON.stringify({ input_tokens: fakeInputTokens(request) }),
    }),
  };
}

function messageReply(
  request: FakeMessagesRequest,
  scenario: AnthropicScenario,
  cache: FakePromptCache,
  requestId: string,
): FakeReply {
  const reply = planAnthropicReply(request);
  const input = buildAnthropicUsage(request, scenario, cache);
  const meta = { id: randomId('msg_01'), model: request.model };
  if (!request.stream) {
    return { kind: 'json', text: JSON.stringify(buildAnthropicMessage(meta, reply, input)) };
  }
  const events = buildAnthropicStreamEvents(meta, reply, input);
  return {
    kind: 'stream',
    framing: anthropicSseFraming,
    events:
      scenario.kind === 'overloaded-mid-stream' ? overloadMidStream(events, requestId) : events,
  };
}

/** `overloaded-mid-stream`: everything after the first text delta becomes an `error` event. */
function overloadMidStream(
  events: readonly AnthropicStreamEvent[],
  requestId: string,
): AnthropicStreamEvent[] {
  const firstDelta = events.findIndex((event) => event.event === 'content_block_delta');
  const overloaded = anthropicErrorBody('overloaded_error', 'Overloaded', requestId);
  return [...events.slice(0, firstDelta + 1), { event: 'error', data: overloaded }];
}
