import { applyRequestScenario } from './apply-request-scenario.js';
import { buildChatChunks } from './build-chat-chunks.js';
import { buildChatCompletion } from './build-chat-completion.js';
import { buildChatUsage } from './build-chat-usage.js';
import type { FakeExchange } from './fake-exchange.js';
import { parseFakeScenario } from './fake-scenario.js';
import { writeOpenAiError } from './openai-error.js';
import { parseChatRequest } from './parse-chat-request.js';
import { planChatReply } from './plan-chat-reply.js';
import { randomId } from './random-id.js';
import { writeChatStream } from './write-chat-stream.js';
import { writeJsonResponse } from './write-json-response.js';

/** `POST /v1/chat/completions`: the scenario named by `model`, else the echo reply. */
export async function handleChatCompletion(exchange: FakeExchange, body: unknown): Promise<void> {
  const parsed = parseChatRequest(body);
  if (!parsed.ok) {
    writeOpenAiError(exchange.response, parsed.error);
    return;
  }
  const { request } = parsed;
  const scenario = parseFakeScenario(request.model);
  if (await applyRequestScenario(exchange, scenario, request.model, request.stream)) return;
  const replies = planChatReply(request);
  const usage =
    scenario.kind === 'no-usage' ? undefined : buildChatUsage(request, replies, scenario);
  const meta = {
    id: randomId('chatcmpl-'),
    created: Math.floor(Date.now() / 1000),
    model: request.model,
  };
  if (!request.stream) {
    writeJsonResponse(exchange.response, buildChatCompletion(meta, replies, usage), scenario);
    return;
  }
  const chunks = buildChatChunks(meta, replies, usage, {
    includeUsage: request.includeUsage && usage !== undefined,
    usageInLastChoice: scenario.kind === 'usage-in-last-choice',
  });
  await writeChatStream(exchange, chunks, scenario);
}
