import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import { randomId } from '../fake-upstream/random-id.js';
import type { OpenAiScenario } from './openai-scenario.js';
import type { FakeChatRequest } from './parse-chat-request.js';
import type { FakeResponsesRequest } from './parse-responses-request.js';
import { countReplyTokens, type FakeChatReply } from './plan-chat-reply.js';

/** Reasoning tokens the fake reports when a request asks for reasoning. */
export const FAKE_REASONING_TOKENS = 4;

/**
 * The Response object for one reply: a reasoning item when reasoning was asked for (its summary
 * when one was, its encrypted state when `include` asked), then the message or function calls.
 * input_tokens = Σ over messages (3 + words) + 3; output_tokens = the reply's + reasoning.
 * The `response-failed` scenario's Response failed (`status: "failed"`, a `server_error`).
 */
export function buildResponsesOutput(
  request: FakeResponsesRequest,
  chat: FakeChatRequest,
  reply: FakeChatReply,
  scenario: OpenAiScenario,
): Record<string, unknown> {
  const output: Record<string, unknown>[] = [];
  const lastUser = chat.messages.findLast((message) => message.role === 'user')?.text ?? '';
  if (request.reasoningEffort !== undefined) {
    output.push({
      type: 'reasoning',
      id: randomId('rs_'),
      summary: request.reasoningSummary
        ? [{ type: 'summary_text', text: `Considered: ${lastUser}` }]
        : [],
      ...(request.includeEncryptedReasoning && {
        encrypted_content: Buffer.from(`fake reasoning about ${lastUser}`).toString('base64'),
      }),
    });
  }
  if (reply.kind === 'text') {
    output.push({
      type: 'message',
      id: randomId('msg_'),
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: reply.content, annotations: [], logprobs: [] }],
    });
  } else {
    for (const call of reply.toolCalls) {
      output.push({
        type: 'function_call',
        id: randomId('fc_'),
        call_id: call.id,
        name: call.name,
        arguments: call.arguments,
        status: 'completed',
      });
    }
  }
  const reasoning = request.reasoningEffort === undefined ? 0 : FAKE_REASONING_TOKENS;
  const input = chat.messages.reduce((sum, message) => sum + 3 + countFakeTokens(message.text), 3);
  const outputTokens = countReplyTokens(reply) + reasoning;
  const incomplete = reply.kind === 'text' && reply.finishReason === 'length';
  const failed = scenario.kind === 'response-failed';
  return {
    id: randomId('resp_'),
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: failed ? 'failed' : incomplete ? 'incomplete' : 'completed',
    // What OpenAI reports when the model fails mid-generation: nothing was produced.
    error: failed
      ? { code: 'server_error', message: 'The model failed to generate a response.' }
      : null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.maxOutputTokens ?? null,
    model: request.model,
    output: failed ? [] : output,
    parallel_tool_calls: request.parallelToolCalls,
    previous_response_id: request.previousResponseId ?? null,
    reasoning: { effort: request.reasoningEffort ?? null, summary: null },
    store: request.store,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    // OpenAI repeats the request's instructions and tools in every Response, streamed or not.
    tools: request.tools,
    usage:
      scenario.kind === 'no-usage'
        ? null
        : {
            input_tokens: input,
            input_tokens_details: {
              cached_tokens: scenario.kind === 'cached' ? Math.floor(input / 2) : 0,
            },
            output_tokens: outputTokens,
            output_tokens_details: { reasoning_tokens: reasoning },
            total_tokens: input + outputTokens,
          },
  };
}
