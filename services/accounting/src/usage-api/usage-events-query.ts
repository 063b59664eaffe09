import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

/** `GET /admin/v1/usage/events` query: filters, newest first, cursor pagination. */
export const usageEventsQuerySchema = z
  .strictObject({
    team_id: z.uuid().optional(),
    key_id: z.uuid().optional(),
    model: z.string().min(1).max(256).optional(),
    provider: z.string().max(128).optional(),
    status: z.coerce.number().int().min(100).max(599).optional(),
    status_class: z.enum(['1xx', '2xx', '3xx', '4xx', '5xx']).optional(),
    /** Case-insensitive substring of the error code. */
    error: z.string().min(1).max(128).optional(),
    /** Requests that finished at or after this time. */
    from: timestamp.optional(),
    /** Requests that finished before this time. */
    to: timestamp.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(300).optional(),
  })
  .refine((query) => !(query.from && query.to && Date.parse(query.from) > Date.parse(query.to)), {
    error: 'must not be after to',
    path: ['from'],
  });

/** A parsed {@link usageEventsQuerySchema}. */
export type UsageEventsQuery = z.infer<typeof usageEventsQuerySchema>;
