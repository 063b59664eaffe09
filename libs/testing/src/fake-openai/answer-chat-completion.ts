import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome, FakeReply } from '../fake-upstream/fake-outcome.js';
import { randomId } from '../fake-upstream/random-id.js';
import { buildChatChunks } from './build-chat-chunks.js';
import { buildChatCompletion } from './build-chat-completion.js';
import { buildChatUsage } from './build-chat-usage.js';
import {
  asksForReasoning,
  type FakeReasoningStyle,
  fakeReasoningText,
  reasoningDeltas,
  reasoningMessageFields,
} from './fake-reasoning.js';
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
    reply: () => chatReply(request, scenario, asksForReasoning(call.body)),
  };
}

function chatReply(
  request: FakeChatRequest,
  scenario: OpenAiScenario,
  asksReasoning: boolean,
): FakeReply {
  const style = asksReasoning ? reasoningStyleOf(scenario) : undefined;
  const replies = planChatReply(request);
  const usage =
    scenario.kind === 'no-usage' ? undefined : buildChatUsage(request, replies, scenario);
  const meta = {
    id: randomId('chatcmpl-'),
    created: Math.floor(Date.now() / 1000),
    model: request.model,
  };
  if (!request.stream) {
    const completion = buildChatCompletion(meta, replies, usage);
    if (style !== undefined)
      withReasoning(completion, reasoningMessageFields(style, fakeReasoningText(request)));
    return { kind: 'json', text: JSON.stringify(completion) };
  }
  const answer = buildChatChunks(meta, replies, usage, {
    includeUsage: request.includeUsage && usage !== undefined,
    usageInLastChoice: scenario.kind === 'usage-in-last-choice',
  });
  // Reasoning comes first, in chunks of its own, as reasoning models stream it.
  const thinking =
    style === undefined
      ? []
      : reasoningDeltas(style, fakeReasoningText(request)).map((delta) => ({
          ...answer[0],
          choices: [{ index: 0, delta, logprobs: null, finish_reason: null }],
        }));
  const chunks = [...thinking, ...answer];
  return { kind: 'stream', framing: openAiSseFraming, events: chunks.map((data) => ({ data })) };
}

function reasoningStyleOf(scenario: OpenAiScenario): FakeReasoningStyle | undefined {
  if (scenario.kind === 'reasoning') return 'openrouter';
  if (scenario.kind === 'reasoning-content') return 'reasoning_content';
  return undefined;
}

/** Adds the reasoning fields to every choice's message. */
function withReasoning(completion: Record<string, unknown>, fields: Record<string, unknown>): void {
  const choices = Array.isArray(completion.choices) ? completion.choices : [];
  for (const choice of choices as { message: Record<string, unknown> }[]) {
    choice.message = { ...choice.message, ...fields };
  }
}
