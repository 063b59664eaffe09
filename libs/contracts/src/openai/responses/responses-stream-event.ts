import { z } from 'zod';
import { responsesResponseSchema } from './responses-response.js';

/** The events that carry the whole Response: its start and its three possible ends. */
export const RESPONSES_LIFECYCLE_EVENTS = [
  'response.created',
  'response.in_progress',
  'response.completed',
  'response.incomplete',
  'response.failed',
] as const;

/**
 * One streamed Responses event (`data:` of an SSE event whose `event:` is its type). Lenient:
 * `type` and `sequence_number` are read, a lifecycle event's `response` parsed, the rest kept.
 */
export const responsesStreamEventSchema = z.looseObject({
  type: z.string(),
  sequence_number: z.number().int().nonnegative().optional(),
  response: responsesResponseSchema.optional().catch(undefined),
});
export type ResponsesStreamEvent = z.infer<typeof responsesStreamEventSchema>;

/** A stream's `error` event: the stream ends after it. */
export const responsesErrorEventSchema = z.looseObject({
  type: z.literal('error'),
  code: z.string().nullish(),
  message: z.string(),
  param: z.string().nullish(),
  sequence_number: z.number().int().nonnegative().optional(),
});
export type ResponsesErrorEvent = z.infer<typeof responsesErrorEventSchema>;
