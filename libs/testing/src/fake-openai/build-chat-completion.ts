import type { FakeChatUsage } from './build-chat-usage.js';
import type { CompletionMeta } from './completion-meta.js';
import type { FakeChatReply } from './plan-chat-reply.js';

/** The non-streaming `chat.completion` object, as OpenAI sends it. */
export function buildChatCompletion(
  meta: CompletionMeta,
  replies: readonly FakeChatReply[],
  usage: FakeChatUsage | undefined,
): Record<string, unknown> {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: replies.map((reply, index) => ({
      index,
      message: replyMessage(reply),
      logprobs: null,
      finish_reason: reply.kind === 'text' ? reply.finishReason : 'tool_calls',
    })),
    ...(usage && { usage }),
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  };
}

function replyMessage(reply: FakeChatReply): Record<string, unknown> {
  if (reply.kind === 'text') {
    return { role: 'assistant', content: reply.content, refusal: null, annotations: [] };
  }
  return {
    role: 'assistant',
    content: null,
    tool_calls: reply.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    })),
    refusal: null,
    annotations: [],
  };
}
