import { ProviderError } from '../provider-error.js';
import { parseJsonObject } from '../shared/parse-json-object.js';

/** An Anthropic `tool_use` block: a call the assistant made earlier in the conversation. */
export interface AnthropicToolUseBlock {
  type: 'tool_use';
  id: string;
  name: string;
  input: Record<string, unknown>;
}

/** The fields of an OpenAI assistant tool call that Anthropic needs. */
export interface OpenAiToolCall {
  id: string;
  function: { name: string; arguments: string };
}

/**
 * An OpenAI tool call as a `tool_use` block. Anthropic takes the input as a JSON object, so the
 * arguments string is parsed; empty arguments mean `{}`, anything not an object is refused.
 */
export function convertToolCall(call: OpenAiToolCall, param: string): AnthropicToolUseBlock {
  return {
    type: 'tool_use',
    id: call.id,
    name: call.function.name,
    input: parseArguments(call.function.arguments, `${param}.function.arguments`),
  };
}

function parseArguments(text: string, param: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const value = parseJsonObject(text);
  if (value !== undefined) return value;
  throw ProviderError.invalidRequest(
    `The arguments of ${param.replace(/\.function\.arguments$/, '')} are not a JSON object, which anthropic requires for tool input.`,
    param,
  );
}
