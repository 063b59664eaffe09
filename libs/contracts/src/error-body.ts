import { z } from 'zod';

/** The error body every Switchyard endpoint returns (OpenAI's shape). */
export const errorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    code: z.string().nullable(),
    param: z.string().nullable(),
    /** 402 `budget_exceeded`: which limit was hit (`key_budget`, `team_budget`, `in_flight_reservation`). */
    limit_source: z.string().optional(),
    /** 402 `budget_exceeded`: when that budget starts afresh (ISO 8601), null for a total budget. */
    resets_at: z.string().nullable().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
