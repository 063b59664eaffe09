import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome, FakeReply } from '../fake-upstream/fake-outcome.js';
import { randomId } from '../fake-upstream/random-id.js';
import { buildChatChunks } from './build-chat-chunks.js';
import { buildChatCompletion } from './build-chat-completion.js';
import { buildChatUsage } from './build-chat-usage.js';
import type { OpenAiErrorResponse } from './openai-error.js';
import { type OpenAiScenario, parseOpenAiScenario } from './openai-scenario.js';
import { openAiSseFraming } from './openai-sse-framing.js';
import { type FakeChatRequest, parseChatRequest } from './parse-chat-request.js';
import { planChatReply } from './plan-chat-reply.js';

/** `POST /v1/chat/completions`: the scenario named by `model`, else the echo reply. */
export function answerChatCompletion(call: FakeCall): FakeOutcome<OpenAiErrorResponse> {
  const parsed = parseChatRequest(call.body);
  if (!parsed.ok) return { kind: 'refuse', error: parsed.error };
  const { request } = parsed;
  const scenario = parseOpenAiScenario(request.model);
  return {
    kind: 'answer',
    model: request.model,
    scenario,
    stream: request.stream,
    reply: () => chatReply(request, scenario),
  };
}

function chatReply(request: FakeChatRequest, scenario: OpenAiScenario): FakeReply {
  const replies = planChatReply(request);
  const usage =
    scenario.kind === 'no-usage' ? undefined : buildChatUsage(request, replies, scenario);
  const meta = {
    id: randomId('chatcmpl-'),
    created: Math.floor(Date.now() / 1000),
    model: request.model,
  };
  if (!request.stream) {
    return { kind: 'json', text: JSON.stringify(buildChatCompletion(meta, replies, usage)) };
  }
  const chunks = buildChatChunks(meta, replies, usage, {
    includeUsage: request.includeUsage && usage !== undefined,
    usageInLastChoice: scenario.kind === 'usage-in-last-choice',
  });
  return { kind: 'stream', framing: openAiSseFraming, events: chunks.map((data) => ({ data })) };
}
