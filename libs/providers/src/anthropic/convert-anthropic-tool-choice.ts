import type { ChatCompletionRequest } from '@switchyard/contracts';

/** Anthropic's `tool_choice`. */
export type AnthropicToolChoice =
  | { type: 'auto' | 'any'; disable_parallel_tool_use?: true }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: true }
  | { type: 'none' };

/**
 * OpenAI's `tool_choice` and `parallel_tool_calls` as one Anthropic `tool_choice`: auto → auto,
 * none → none, required → any, a named function → tool; `parallel_tool_calls: false` becomes
 * `disable_parallel_tool_use: true` (on `auto` when no choice was given). Undefined when the
 * request leaves both to the provider's default.
 */
export function convertAnthropicToolChoice(
  toolChoice: ChatCompletionRequest['tool_choice'],
  parallelToolCalls: boolean | undefined,
): AnthropicToolChoice | undefined {
  if (toolChoice === 'none') return { type: 'none' };
  const choice = baseChoice(toolChoice);
  if (parallelToolCalls !== false) return choice;
  return { ...(choice ?? { type: 'auto' }), disable_parallel_tool_use: true };
}

function baseChoice(
  toolChoice: Exclude<ChatCompletionRequest['tool_choice'], 'none'>,
): Exclude<AnthropicToolChoice, { type: 'none' }> | undefined {
  if (toolChoice === undefined) return undefined;
  if (toolChoice === 'auto') return { type: 'auto' };
  if (toolChoice === 'required') return { type: 'any' };
  return { type: 'tool', name: toolChoice.function.name };
}
