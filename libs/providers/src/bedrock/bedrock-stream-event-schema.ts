import { z } from 'zod';
import { bedrockUsageSchema } from './bedrock-converse-schema.js';

/** The ConverseStream events read, by their `:event-type` header, listing only fields read. */
export const bedrockStreamEventSchemas = {
  messageStart: z.looseObject({ role: z.string().optional() }),
  contentBlockStart: z.looseObject({
    contentBlockIndex: z.number().int().nonnegative(),
    start: z
      .looseObject({
        toolUse: z.looseObject({ toolUseId: z.string(), name: z.string() }).optional(),
      })
      .optional(),
  }),
  contentBlockDelta: z.looseObject({
    contentBlockIndex: z.number().int().nonnegative(),
    delta: z.looseObject({
      text: z.string().optional(),
      toolUse: z.looseObject({ input: z.string().optional() }).optional(),
    }),
  }),
  contentBlockStop: z.looseObject({}),
  messageStop: z.looseObject({ stopReason: z.string().nullish() }),
  metadata: z.looseObject({ usage: bedrockUsageSchema.nullish() }),
} as const;

/** A ConverseStream event type this adapter reads. */
export type BedrockStreamEventType = keyof typeof bedrockStreamEventSchemas;

/** One parsed ConverseStream event. */
export type BedrockStreamEvent = {
  [Type in BedrockStreamEventType]: {
    type: Type;
    data: z.infer<(typeof bedrockStreamEventSchemas)[Type]>;
  };
}[BedrockStreamEventType];

/** Whether an `:event-type` is one this adapter reads (others, added later, are skipped). */
export function isBedrockStreamEventType(type: string): type is BedrockStreamEventType {
  return Object.hasOwn(bedrockStreamEventSchemas, type);
}
