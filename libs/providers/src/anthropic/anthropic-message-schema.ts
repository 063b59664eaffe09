import { z } from 'zod';
import { anthropicUsageSchema } from './anthropic-usage-schema.js';

/** A content block of a response: its type is read, the fields of text and tool_use later. */
const contentBlockSchema = z.looseObject({ type: z.string() });

/** The fields of an Anthropic `message` the adapter reads; other fields are tolerated. */
export const anthropicMessageSchema = z.looseObject({
  id: z.string(),
  type: z.literal('message'),
  model: z.string().optional(),
  content: z.array(contentBlockSchema),
  stop_reason: z.string().nullable(),
  usage: anthropicUsageSchema.extend({ input_tokens: z.number().int().nonnegative() }),
});
export type AnthropicMessageBody = z.infer<typeof anthropicMessageSchema>;

/** A `text` block. */
export const textBlockSchema = z.looseObject({ type: z.literal('text'), text: z.string() });

/** A `tool_use` block: a call of one of the request's tools. */
export const toolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
});
