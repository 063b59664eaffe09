import { z } from 'zod';

/** Years every store and every clock we compare with agree on (Postgres has no year 0). */
function hasSaneYear(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return year >= 1 && year <= 9999;
}

/**
 * An RFC 3339 date-time with an offset (`2026-11-23T12:00:00Z`): a real calendar date (no
 * `2020-02-31`) in years 0001..9999, so Postgres never refuses what validation let through.
 */
export const timestampSchema = z.iso
  .datetime({ offset: true })
  .refine(hasSaneYear, { error: 'expected a year from 0001 to 9999' });

/** An ISO date (`2026-11-23`): a real calendar day in years 0001..9999. */
export const daySchema = z.iso
  .date()
  .refine(hasSaneYear, { error: 'expected a year from 0001 to 9999' });

/** Postgres's `timestamptz::text` (ISO DateStyle): `2026-11-23 12:00:00.123456+00`. */
const POSTGRES_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-]\d{2}(?::\d{2}(?::\d{2})?)?$/;

/**
 * Whether `text` is a timestamp as Postgres prints one and reads back: what a page cursor holds.
 * A cursor's content comes from the caller, so it is checked as strictly as any other input.
 */
export function isPostgresTimestampText(text: string): boolean {
  const match = POSTGRES_TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
