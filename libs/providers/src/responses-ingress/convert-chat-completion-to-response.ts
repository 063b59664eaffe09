import { chatCompletionSchema } from '@switchyard/contracts';
import { type OutputItem, outputItemId } from './responses-output-items.js';
import { type ResponsesContext, responsesEnd, responsesShell } from './responses-shell.js';
import { toResponsesUsage } from './to-responses-usage.js';

/**
 * A chat completion as a Response: the reasoning text (`reasoning` / `reasoning_content`) as a
 * reasoning item with one summary, the text (or refusal) as a message item, each tool call as a
 * `function_call` item (`call_id` is the tool call's id), usage in the Responses shape. A
 * completion cut by its token limit is `incomplete` (`max_output_tokens`).
 */
export function convertChatCompletionToResponse(
  completion: unknown,
  context: ResponsesContext,
): Record<string, unknown> {
  const parsed = chatCompletionSchema.safeParse(completion);
  const choice = parsed.success ? parsed.data.choices[0] : undefined;
  const message = choice?.message;
  const output: OutputItem[] = [];
  const reasoning = reasoningOf(message);
  if (reasoning !== '') {
    output.push({
      type: 'reasoning',
      id: outputItemId('rs', context.id, output.length),
      summary: [{ type: 'summary_text', text: reasoning }],
    });
  }
  const content = [];
  if (typeof message?.content === 'string' && message.content !== '') {
    content.push({
      type: 'output_text' as const,
      text: message.content,
      annotations: [],
      logprobs: [],
    });
  }
  if (typeof message?.refusal === 'string' && message.refusal !== '') {
    content.push({ type: 'refusal' as const, refusal: message.refusal });
  }
  if (content.length > 0) {
    output.push({
      type: 'message',
      id: outputItemId('msg', context.id, output.length),
      status: 'completed',
      role: 'assistant',
      content,
    });
  }
  for (const [index, call] of (message?.tool_calls ?? []).entries()) {
    output.push({
      type: 'function_call',
      id: outputItemId('fc', context.id, output.length),
      call_id: call.id ?? `call_${context.id.replace(/^resp_/, '')}_${index}`,
      name: call.function.name,
      arguments: call.function.arguments ?? '',
      status: 'completed',
    });
  }
  const usage = parsed.success ? parsed.data.usage : undefined;
  return {
    ...responsesShell(context, 'completed'),
    ...responsesEnd(choice?.finish_reason),
    output,
    usage: usage ? toResponsesUsage(usage) : null,
  };
}

/** Reasoning text as providers return it on chat messages (OpenRouter's and DeepSeek's names). */
function reasoningOf(message: Record<string, unknown> | undefined): string {
  if (message === undefined) return '';
  for (const field of ['reasoning', 'reasoning_content']) {
    const value = message[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return '';
}
