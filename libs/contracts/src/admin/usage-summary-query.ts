import { z } from 'zod';
import { postgresTextSchema } from './postgres-text.js';
import { daySchema } from './timestamp-schemas.js';

/** What a usage summary groups by. */
export const USAGE_GROUP_BY = ['day', 'team', 'key', 'model', 'provider'] as const;

/** One of {@link USAGE_GROUP_BY}. */
export type UsageGroupBy = (typeof USAGE_GROUP_BY)[number];

const day = daySchema;

/**
 * `GET /admin/v1/usage/summary` query: UTC days `from`..`to` inclusive (default: the last 30
 * days through today), grouped by one dimension, optionally filtered.
 */
export const usageSummaryQuerySchema = z
  .strictObject({
    group_by: z.enum(USAGE_GROUP_BY).default('day'),
    from: day.optional(),
    to: day.optional(),
    team_id: z.uuid().optional(),
    key_id: z.uuid().optional(),
    model: postgresTextSchema().min(1).max(256).optional(),
    provider: postgresTextSchema().max(128).optional(),
  })
  .refine((query) => !(query.from && query.to && query.from > query.to), {
    error: 'must not be after to',
    path: ['from'],
  });

/** A parsed {@link usageSummaryQuerySchema}. */
export type UsageSummaryQuery = z.infer<typeof usageSummaryQuerySchema>;
