import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome, FakeReply } from '../fake-upstream/fake-outcome.js';
import type { FakeStreamEvent } from '../fake-upstream/fake-stream-framing.js';
import type { BedrockErrorResponse } from './bedrock-error.js';
import { bedrockEventStreamFraming } from './bedrock-event-stream-framing.js';
import { type BedrockScenario, parseBedrockScenario } from './bedrock-scenario.js';
import { buildConverseStreamEvents } from './build-converse-stream-events.js';
import { buildConverseUsage } from './build-converse-usage.js';
import { type FakeConverseRequest, parseConverseRequest } from './parse-converse-request.js';
import { planConverseReply } from './plan-converse-reply.js';

/**
 * `POST /model/{modelId}/converse` (`stream` false) or `/converse-stream` (true): the scenario
 * named by the model id, else the echo (or toolUse) reply as JSON or event-stream frames.
 */
export function answerConverse(stream: boolean) {
  return (call: FakeCall): FakeOutcome<BedrockErrorResponse> => {
    const model = call.params[0] ?? '';
    const parsed = parseConverseRequest(call.body);
    if (!parsed.ok) return { kind: 'refuse', error: parsed.error };
    const { request } = parsed;
    const scenario = parseBedrockScenario(model);
    return {
      kind: 'answer',
      model,
      scenario,
      stream,
      reply: () => converseReply(request, model, scenario, stream),
    };
  };
}

function converseReply(
  request: FakeConverseRequest,
  model: string,
  scenario: BedrockScenario,
  stream: boolean,
): FakeReply {
  const reply = planConverseReply(request, model);
  const input = buildConverseUsage(request, scenario);
  if (!stream) {
    const outputTokens = reply.outputTokens;
    const body = {
      output: { message: { role: 'assistant', content: reply.content } },
      stopReason: reply.stopReason,
      usage: {
        ...input,
        outputTokens,
        totalTokens:
          input.inputTokens +
          input.cacheReadInputTokens +
          input.cacheWriteInputTokens +
          outputTokens,
      },
      metrics: { latencyMs: 42 },
    };
    return { kind: 'json', text: JSON.stringify(body) };
  }
  const events = buildConverseStreamEvents(reply, input);
  return {
    kind: 'stream',
    framing: bedrockEventStreamFraming,
    events: scenario.kind === 'throttled-mid-stream' ? throttleMidStream(events) : events,
  };
}

/** `throttled-mid-stream`: everything after the first text delta becomes an exception frame. */
function throttleMidStream(events: readonly FakeStreamEvent[]): FakeStreamEvent[] {
  const firstDelta = events.findIndex((event) => event.event === 'contentBlockDelta');
  const exception = {
    event: 'exception:throttlingException',
    data: { message: 'Too many requests, please wait before trying again.' },
  };
  return [...events.slice(0, firstDelta + 1), exception];
}
