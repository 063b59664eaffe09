import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { randomId } from '../fake-openai/random-id.js';
import { writeJsonResponse } from '../fake-openai/write-json-response.js';
import { writeAnthropicError } from './anthropic-error.js';
import { parseAnthropicScenario, sharedScenario } from './anthropic-scenario.js';
import { applyAnthropicRequestScenario } from './apply-anthropic-request-scenario.js';
import { buildAnthropicMessage } from './build-anthropic-message.js';
import { buildAnthropicStreamEvents } from './build-anthropic-stream-events.js';
import { buildAnthropicUsage } from './build-anthropic-usage.js';
import { parseMessagesRequest } from './parse-messages-request.js';
import { planAnthropicReply } from './plan-anthropic-reply.js';
import { writeAnthropicStream } from './write-anthropic-stream.js';

/** `POST /v1/messages`: the scenario named by `model`, else the echo (or tool_use) reply. */
export async function handleMessages(exchange: FakeExchange, body: unknown): Promise<void> {
  const parsed = parseMessagesRequest(body);
  if (!parsed.ok) {
    writeAnthropicError(exchange.response, parsed.error);
    return;
  }
  const { request } = parsed;
  const scenario = parseAnthropicScenario(request.model);
  if (await applyAnthropicRequestScenario(exchange, scenario, request.model, request.stream)) {
    return;
  }
  const reply = planAnthropicReply(request);
  const input = buildAnthropicUsage(request, scenario);
  const meta = { id: randomId('msg_01'), model: request.model };
  if (!request.stream) {
    const message = buildAnthropicMessage(meta, reply, input);
    writeJsonResponse(exchange.response, message, sharedScenario(scenario));
    return;
  }
  await writeAnthropicStream(exchange, buildAnthropicStreamEvents(meta, reply, input), scenario);
}
