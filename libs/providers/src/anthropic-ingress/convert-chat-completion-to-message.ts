import { chatCompletionSchema } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';
import { convertReasoningToThinking } from './convert-reasoning-to-thinking.js';
import { parseToolArguments } from './parse-tool-arguments.js';
import { toMessagesUsage } from './to-messages-usage.js';
import { toStopReason } from './to-stop-reason.js';

/**
 * `chatcmpl-abc` becomes `msg_abc`; an id that already is a message id (an Anthropic upstream's
 * `msg_…`) is kept as it is; a completion without an id gets `msg_unknown`.
 */
function messageIdFor(completionId: string | undefined): string {
  if (completionId?.startsWith('msg_') && completionId.length > 4) return completionId;
  const id = completionId?.replace(/^chatcmpl-/, '') ?? '';
  return `msg_${id === '' ? 'unknown' : id}`;
}

/**
 * An OpenAI chat completion (as the gateway returns it) as an Anthropic `message`. `model` is the
 * name the client asked for; a refusal becomes a text block with `stop_reason: "refusal"`;
 * reasoning comes first, as thinking blocks.
 */
export function convertChatCompletionToMessage(
  completion: Record<string, unknown>,
  requestedModel: string,
): Record<string, unknown> {
  const parsed = chatCompletionSchema.safeParse(completion);
  const anonymousCall = parsed.data?.choices.some((choice) =>
    choice.message?.tool_calls?.some((call) => call.id === undefined),
  );
  if (!parsed.success || anonymousCall) throw ProviderError.malformed('chat completion');
  const choice = parsed.data.choices[0];
  const message = choice?.message;
  const refusal = message?.refusal ?? '';
  const text = message?.content || refusal;
  const toolCalls = message?.tool_calls ?? [];
  const content: Record<string, unknown>[] = message ? convertReasoningToThinking(message) : [];
  if (text !== '') content.push({ type: 'text', text });
  for (const call of toolCalls) {
    content.push({
      type: 'tool_use',
      id: call.id,
      name: call.function.name,
      input: parseToolArguments(call.function.arguments ?? ''),
    });
  }
  const stopReason = toStopReason(choice?.finish_reason, {
    hasToolUse: toolCalls.length > 0,
    refused: refusal !== '' && !message?.content,
  });
  return {
    id: messageIdFor(parsed.data.id),
    type: 'message',
    role: 'assistant',
    model: requestedModel,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: toMessagesUsage(parsed.data.usage) ?? {
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  };
}
