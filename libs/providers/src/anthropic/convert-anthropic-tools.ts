import type { ChatCompletionRequest } from '@switchyard/contracts';

/** A client tool in Anthropic's request shape. */
export interface AnthropicTool {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
  strict?: true;
}

type OpenAiTool = NonNullable<ChatCompletionRequest['tools']>[number];

/** A function without parameters still needs an object schema in Anthropic's API. */
const NO_PARAMETERS: Readonly<Record<string, unknown>> = { type: 'object', properties: {} };

/**
 * OpenAI function tools as Anthropic tools: `parameters` becomes `input_schema`, and
 * `strict: true` is kept (Anthropic's strict tool use also guarantees the input matches).
 */
export function convertAnthropicTools(tools: readonly OpenAiTool[]): AnthropicTool[] {
  return tools.map(({ function: definition }) => {
    const tool: AnthropicTool = {
      name: definition.name,
      input_schema: definition.parameters ?? { ...NO_PARAMETERS },
    };
    if (definition.description !== undefined) tool.description = definition.description;
    if (definition.strict === true) tool.strict = true;
    return tool;
  });
}
