import type { ChatCompletionRequest } from '@switchyard/contracts';

/** Anthropic's `output_config` for structured outputs. */
export interface AnthropicOutputConfig {
  format: { type: 'json_schema'; schema: Record<string, unknown> };
}

const JSON_OBJECT_WARNING =
  'response_format json_object is not enforced by anthropic; the reply is JSON only if the prompt asks for it';

/**
 * OpenAI's `response_format` as Anthropic structured outputs: `json_schema` becomes
 * `output_config.format` (constrained decoding, as strict as OpenAI's). Anthropic has no
 * schema-less JSON mode, so `json_object` (and a `json_schema` without a schema) only warns:
 * OpenAI already requires such prompts to ask for JSON, and the prompt is not rewritten.
 */
export function convertResponseFormat(
  format: ChatCompletionRequest['response_format'],
  warnings: Set<string>,
): AnthropicOutputConfig | undefined {
  if (format === undefined || format.type === 'text') return undefined;
  if (format.type === 'json_schema' && format.json_schema.schema !== undefined) {
    return { format: { type: 'json_schema', schema: format.json_schema.schema } };
  }
  warnings.add(JSON_OBJECT_WARNING);
  return undefined;
}
