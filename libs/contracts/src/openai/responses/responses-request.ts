import { z } from 'zod';
import { responsesInputItemSchema } from './responses-input-item.js';

/** A function tool: flat, unlike Chat Completions' `{type, function: {…}}`. */
export const responsesFunctionToolSchema = z.looseObject({
  type: z.literal('function'),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});
export type ResponsesFunctionTool = z.infer<typeof responsesFunctionToolSchema>;

/** Any tool: a function tool checked, a built-in one (`web_search`, `file_search`…) kept as sent. */
export const responsesToolSchema = z.union([
  responsesFunctionToolSchema,
  z.looseObject({
    type: z
      .string()
      .min(1)
      .refine((type) => type !== 'function'),
  }),
]);
export type ResponsesTool = z.infer<typeof responsesToolSchema>;

export const responsesToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.literal('function'), name: z.string().min(1) }),
  z.looseObject({ type: z.string().min(1) }),
]);
export type ResponsesToolChoice = z.infer<typeof responsesToolChoiceSchema>;

/** `text.format`: plain text, JSON mode, or a JSON schema (flat, unlike `response_format`). */
export const responsesTextFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string().min(1),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().nullish(),
    strict: z.boolean().nullish(),
  }),
]);
export type ResponsesTextFormat = z.infer<typeof responsesTextFormatSchema>;

/** `reasoning`: values are not limited to today's (`minimal`…`xhigh`), so new ones pass to OpenAI. */
export const responsesReasoningSchema = z.looseObject({
  effort: z.string().min(1).nullish(),
  summary: z.string().min(1).nullish(),
});

/**
 * OpenAI Responses API request (`POST /v1/responses`). The fields the gateway reads or
 * translates are typed; any other field is kept (loose object) and forwarded to OpenAI routes.
 */
export const responsesRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(responsesInputItemSchema)]).optional(),
  instructions: z.string().nullish(),
  previous_response_id: z.string().min(1).nullish(),
  store: z.boolean().nullish(),
  stream: z.boolean().nullish(),
  tools: z.array(responsesToolSchema).optional(),
  tool_choice: responsesToolChoiceSchema.optional(),
  parallel_tool_calls: z.boolean().nullish(),
  text: z.looseObject({ format: responsesTextFormatSchema.optional() }).nullish(),
  reasoning: responsesReasoningSchema.nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  user: z.string().optional(),
  background: z.boolean().nullish(),
  // OpenRouter extensions, as on chat: routing across models and providers.
  models: z.array(z.string().min(1)).optional(),
  provider: z.record(z.string(), z.unknown()).optional(),
});
export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;
