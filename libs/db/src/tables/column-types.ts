import type { ColumnType } from 'kysely';

/** A `uuid` primary key the database generates: optional on insert, never updated. */
export type GeneratedId = ColumnType<string, string | undefined, never>;

/** A `timestamptz` column with a database default: read as `Date`, optional on insert. */
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A nullable column: read as `T | null`, may be omitted on insert (stored as null). */
export type NullableColumn<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** A nullable `timestamptz` column: read as `Date | null`, optional on insert. */
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** A column with a database default: optional on insert. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
