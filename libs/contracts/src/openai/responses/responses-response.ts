import { z } from 'zod';
import { responsesUsageSchema } from './responses-usage.js';

/** One output item of a Response: lenient, only `type` is read. */
export const responsesOutputItemSchema = z.looseObject({
  type: z.string(),
  id: z.string().optional(),
});
export type ResponsesOutputItem = z.infer<typeof responsesOutputItemSchema>;

/**
 * An OpenAI Response object (`object: "response"`), as returned by `POST /v1/responses` and
 * carried by `response.created` / `response.completed` events. Lenient as a reader: unknown
 * fields pass through, and a usage object that is not one reads as absent.
 */
export const responsesResponseSchema = z.looseObject({
  id: z.string(),
  object: z.literal('response').optional(),
  created_at: z.number().optional(),
  status: z.string().optional(),
  model: z.string().optional(),
  output: z.array(responsesOutputItemSchema),
  usage: responsesUsageSchema.nullish().catch(undefined),
});
export type ResponsesResponse = z.infer<typeof responsesResponseSchema>;
