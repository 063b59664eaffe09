import { z } from 'zod';
import { postgresTextSchema } from './postgres-text.js';
import { timestampSchema } from './timestamp-schemas.js';

const timestamp = timestampSchema;

/** Status classes a usage query may filter by. */
export const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

/** One of {@link STATUS_CLASSES}. */
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** The filters and paging `GET /admin/v1/usage/events` and `GET /admin/v1/requests` share. */
export const usageEventFilterFields = {
  team_id: z.uuid().optional(),
  key_id: z.uuid().optional(),
  model: postgresTextSchema().min(1).max(256).optional(),
  provider: postgresTextSchema().max(128).optional(),
  /** The caller's own `x-request-id`: every request that carried it. */
  client_request_id: postgresTextSchema()
    .min(1)
    .max(128)
    .describe('The x-request-id the caller sent: every request that carried it.')
    .optional(),
  /** Case-insensitive substring of the error code or the error message. */
  error: postgresTextSchema()
    .min(1)
    .max(128)
    .describe('Case-insensitive substring of the error code or the error message.')
    .optional(),
  /** Requests attributed to this end user. */
  end_user: postgresTextSchema()
    .min(1)
    .max(256)
    .describe('Requests attributed to this end user (x-switchyard-user, user, metadata.user_id).')
    .optional(),
  /** Requests carrying this tag (`key` or `key:value`, exact). */
  tag: postgresTextSchema()
    .min(1)
    .max(193)
    .describe('Requests carrying this tag: key or key:value, exact.')
    .optional(),
  /** Requests that finished at or after this time. */
  from: timestamp.optional(),
  /** Requests that finished before this time. */
  to: timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
};

/** Both queries' check that the time range is not reversed (refused as a 400 naming `from`). */
export function fromNotAfterTo(query: { from?: string | undefined; to?: string | undefined }) {
  return !(query.from && query.to && Date.parse(query.from) > Date.parse(query.to));
}

/** `GET /admin/v1/usage/events` query: filters, newest first, cursor pagination. */
export const usageEventsQuerySchema = z
  .strictObject({
    ...usageEventFilterFields,
    status: z.coerce.number().int().min(100).max(599).optional(),
    status_class: z.enum(STATUS_CLASSES).optional(),
  })
  .refine(fromNotAfterTo, { error: 'must not be after to', path: ['from'] });

/** A parsed {@link usageEventsQuerySchema}. */
export type UsageEventsQuery = z.infer<typeof usageEventsQuerySchema>;
