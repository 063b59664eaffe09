import { z } from 'zod';

/** The error body every Switchyard endpoint returns (OpenAI's shape). */
export const errorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    code: z.string().nullable(),
    param: z.string().nullable(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
