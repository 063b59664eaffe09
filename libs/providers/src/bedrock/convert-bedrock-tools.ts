import type { ChatCompletionRequest } from '@switchyard/contracts';

/** A Converse tool specification. */
export interface BedrockTool {
  toolSpec: { name: string; description?: string; inputSchema: { json: Record<string, unknown> } };
}

/** Converse's `toolChoice`: exactly one of its members. */
export type BedrockToolChoice = { auto: object } | { any: object } | { tool: { name: string } };

/** Converse's `toolConfig`. */
export interface BedrockToolConfig {
  tools: BedrockTool[];
  toolChoice?: BedrockToolChoice;
}

type OpenAiTool = NonNullable<ChatCompletionRequest['tools']>[number];

const NO_PARAMETERS: Readonly<Record<string, unknown>> = { type: 'object', properties: {} };

/**
 * OpenAI tools and `tool_choice` as Converse's `toolConfig`: `parameters` become
 * `inputSchema.json`; auto → auto, required → any, a named function → tool. Converse has no
 * "none" and no switch for parallel calls: those are warned about and the tools still sent (a
 * conversation holding tool calls needs them). Undefined when the request has no tools.
 */
export function convertBedrockTools(
  request: ChatCompletionRequest,
  warnings: Set<string>,
): BedrockToolConfig | undefined {
  const tools = request.tools ?? [];
  if (tools.length === 0) return undefined;
  const config: BedrockToolConfig = { tools: tools.map(convertTool) };
  const choice = request.tool_choice;
  if (choice === 'none') {
    warnings.add('tool_choice none is not supported by bedrock; the model may still call a tool');
  } else if (choice === 'auto') config.toolChoice = { auto: {} };
  else if (choice === 'required') config.toolChoice = { any: {} };
  else if (choice !== undefined) config.toolChoice = { tool: { name: choice.function.name } };
  if (request.parallel_tool_calls === false) {
    warnings.add('parallel_tool_calls false is not supported by bedrock and was ignored');
  }
  return config;
}

function convertTool({ function: definition }: OpenAiTool): BedrockTool {
  const spec: BedrockTool['toolSpec'] = {
    name: definition.name,
    inputSchema: { json: definition.parameters ?? { ...NO_PARAMETERS } },
  };
  if (definition.description !== undefined) spec.description = definition.description;
  return { toolSpec: spec };
}
