import { z } from 'zod';
import {
  fromNotAfterTo,
  STATUS_CLASSES,
  type StatusClass,
  usageEventFilterFields,
} from './usage-events-query.js';

/**
 * `GET /admin/v1/requests` query: the usage events' filters, with `status` an exact code
 * (`429`) or a class (`4xx`), and `has_bodies`. Newest first, cursor pagination.
 */
export const requestLogQuerySchema = z
  .strictObject({
    ...usageEventFilterFields,
    /** An exact status code such as `429`, or a class such as `4xx`. */
    status: z
      .string()
      .regex(/^[1-5](\d\d|xx|XX)$/, {
        error: 'expected a status code like 429 or a class like 4xx',
      })
      .describe('An exact status code such as 429, or a class such as 4xx.')
      .optional(),
    /** `csv` streams every matching request as CSV (as does `Accept: text/csv`); `limit` is then ignored. */
    format: z
      .enum(['json', 'csv'])
      .describe('csv streams every matching request as CSV (as does Accept: text/csv).')
      .optional(),
    /** Only requests whose bodies were logged (`true`) or were not (`false`). */
    has_bodies: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .describe('Only requests whose bodies were logged (true), or only those without (false).')
      .optional(),
  })
  .refine(fromNotAfterTo, { error: 'must not be after to', path: ['from'] })
  .transform(({ status, ...query }) => ({ ...query, ...toStatusFilter(status) }));

/** A parsed {@link requestLogQuerySchema}. */
export type RequestLogQuery = z.output<typeof requestLogQuerySchema>;

function toStatusFilter(status: string | undefined): {
  status?: number;
  status_class?: StatusClass;
} {
  if (status === undefined) return {};
  const statusClass = STATUS_CLASSES.find((candidate) => candidate === status.toLowerCase());
  return statusClass === undefined ? { status: Number(status) } : { status_class: statusClass };
}
