import { z } from 'zod';
import { postgresTextSchema } from './postgres-text.js';
import { daySchema } from './timestamp-schemas.js';

/** What a usage summary groups by. */
export const USAGE_GROUP_BY = [
  'day',
  'team',
  'key',
  'model',
  'provider',
  'end_user',
  'tag',
] as const;

/** One of {@link USAGE_GROUP_BY}. */
export type UsageGroupBy = (typeof USAGE_GROUP_BY)[number];

const day = daySchema;

/**
 * `GET /admin/v1/usage/summary` query: UTC days `from`..`to` inclusive (default: the last 30
 * days through today), grouped by one dimension, optionally filtered. Grouping or filtering by
 * `end_user` or `tag` sums the ledger itself (the daily rollups do not hold those dimensions).
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
    /** Only requests attributed to this end user (summed from the ledger, not the rollups). */
    end_user: postgresTextSchema().min(1).max(256).optional(),
    /** Only requests carrying this tag (summed from the ledger, not the rollups). */
    tag: postgresTextSchema().min(1).max(193).optional(),
    /** `csv` answers the groups as CSV (as does `Accept: text/csv`). */
    format: z.enum(['json', 'csv']).optional(),
  })
  .refine((query) => !(query.from && query.to && query.from > query.to), {
    error: 'must not be after to',
    path: ['from'],
  });

/** A parsed {@link usageSummaryQuerySchema}. */
export type UsageSummaryQuery = z.infer<typeof usageSummaryQuerySchema>;
