import { z } from 'zod';
import { anthropicErrorSchema } from './anthropic-error-schema.js';
import { anthropicUsageSchema } from './anthropic-usage-schema.js';

const index = z.number().int().nonnegative();

/**
 * The stream events the adapter reads, with only the fields it uses. Anthropic may add event
 * types; those are recognised by {@link KNOWN_STREAM_EVENT_TYPES} being silent about them.
 */
export const anthropicStreamEventSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('message_start'),
    message: z.looseObject({
      id: z.string(),
      model: z.string().optional(),
      usage: anthropicUsageSchema.optional(),
    }),
  }),
  z.looseObject({
    type: z.literal('content_block_start'),
    index,
    content_block: z
      .looseObject({
        type: z.string(),
        text: z.string().optional(),
        id: z.string().optional(),
        name: z.string().optional(),
      })
      .refine(
        (block) =>
          block.type !== 'tool_use' || (block.id !== undefined && block.name !== undefined),
        {
          message: 'a tool_use block needs an id and a name',
        },
      ),
  }),
  z.looseObject({
    type: z.literal('content_block_delta'),
    index,
    delta: z.looseObject({
      type: z.string(),
      text: z.string().optional(),
      partial_json: z.string().optional(),
    }),
  }),
  z.looseObject({ type: z.literal('content_block_stop'), index }),
  z.looseObject({
    type: z.literal('message_delta'),
    delta: z.looseObject({ stop_reason: z.string().nullable().optional() }),
    usage: anthropicUsageSchema.nullable().optional(),
  }),
  z.looseObject({ type: z.literal('message_stop') }),
  z.looseObject({ type: z.literal('ping') }),
  anthropicErrorSchema,
]);
export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;

/** Event types documented today; any other type is skipped, as Anthropic's versioning asks. */
export const KNOWN_STREAM_EVENT_TYPES: ReadonlySet<string> = new Set([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
  'ping',
  'error',
]);
