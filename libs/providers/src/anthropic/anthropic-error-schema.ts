import { z } from 'zod';

/** Anthropic's error body, as an HTTP error response and as a stream `error` event. */
export const anthropicErrorSchema = z.looseObject({
  type: z.literal('error'),
  error: z.looseObject({ type: z.string(), message: z.string().optional() }),
});
