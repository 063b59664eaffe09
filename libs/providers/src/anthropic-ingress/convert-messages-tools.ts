import type { ChatCompletionRequest } from '@switchyard/contracts';
import type { Warn } from './convert-messages-turns.js';
import type { MessagesRequest } from './messages-request-schema.js';

type ToolFields = Pick<ChatCompletionRequest, 'tools' | 'tool_choice' | 'parallel_tool_calls'>;

/**
 * Anthropic tools and tool_choice as OpenAI's: custom tools become function tools, `any` becomes
 * `required`, a named tool becomes a function choice, and `disable_parallel_tool_use` becomes
 * `parallel_tool_calls: false`. Anthropic-hosted tools have no equivalent and are dropped.
 */
export function convertMessagesTools(
  tools: MessagesRequest['tools'],
  toolChoice: MessagesRequest['tool_choice'],
  warn: Warn,
): ToolFields {
  const functions: NonNullable<ChatCompletionRequest['tools']> = [];
  for (const tool of tools ?? []) {
    if (tool.type === 'unsupported') {
      warn(`tool '${tool.name}' of type ${tool.original_type} is not supported and was dropped`);
      continue;
    }
    if ((tool as Record<string, unknown>).cache_control !== undefined) {
      warn('cache_control on tools cannot be carried to this provider and was ignored');
    }
    functions.push({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        parameters: tool.input_schema,
      },
    });
  }
  if (functions.length === 0) {
    // OpenAI refuses tool_choice without tools.
    if (toolChoice !== undefined)
      warn('tool_choice was ignored because no usable tools were given');
    return {};
  }
  if (toolChoice === undefined) return { tools: functions };
  const fields: ToolFields = { tools: functions, tool_choice: convertToolChoice(toolChoice) };
  if ('disable_parallel_tool_use' in toolChoice && toolChoice.disable_parallel_tool_use === true) {
    fields.parallel_tool_calls = false;
  }
  return fields;
}

function convertToolChoice(
  toolChoice: NonNullable<MessagesRequest['tool_choice']>,
): NonNullable<ChatCompletionRequest['tool_choice']> {
  switch (toolChoice.type) {
    case 'auto':
      return 'auto';
    case 'any':
      return 'required';
    case 'none':
      return 'none';
    case 'tool':
      return { type: 'function', function: { name: toolChoice.name } };
  }
}
