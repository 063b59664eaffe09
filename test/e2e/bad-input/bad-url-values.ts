/** The kinds of query parameter the routes declare; each has its own bad values. */
export type QueryKind =
  | 'cursor'
  | 'datetime'
  | 'day'
  | 'enum'
  | 'filter'
  | 'flag'
  | 'page-limit'
  | 'request-id'
  | 'status'
  | 'uuid';

/** The kinds of path parameter: what the route's `{id}` or `{name}` holds. */
export type PathKind = 'model-id' | 'name' | 'request-id' | 'uuid';

/** A bad value for a URL, already percent-encoded as it goes on the wire. */
export interface BadUrlValue {
  label: string;
  encoded: string;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const value = (label: string, text: string): BadUrlValue => ({
  label,
  encoded: encodeURIComponent(text),
});
const encoded = (label: string, text: string): BadUrlValue => ({ label, encoded: text });
const base64url = (text: string) => Buffer.from(text).toString('base64url');

const NUL = encoded('a NUL character (%00)', 'a%00b');
const BAD_ESCAPE = encoded('a bad percent-escape (%zz)', '%zz');
const TRUNCATED_UTF8 = encoded('truncated UTF-8 (%E4%B8)', '%E4%B8');

/** Timestamps JavaScript's Date accepts and Postgres refuses, and plain garbage. */
const DATETIMES = [
  value('0000-01-01T00:00:00Z (year 0)', '0000-01-01T00:00:00Z'),
  value('2020-02-31T00:00:00Z (no such day)', '2020-02-31T00:00:00Z'),
  value('"garbage"', 'garbage'),
  value('empty', ''),
  NUL,
];

const BY_QUERY_KIND: Record<QueryKind, BadUrlValue[]> = {
  cursor: [
    value('base64 of "1"', base64url('1')),
    value('a cursor holding the time "1"', base64url(JSON.stringify(['1', NIL_UUID]))),
    value(
      'a cursor holding year 0',
      base64url(JSON.stringify(['0000-01-01 00:00:00+00', NIL_UUID])),
    ),
    value(
      'a cursor holding 2020-02-31',
      base64url(JSON.stringify(['2020-02-31 00:00:00+00', NIL_UUID])),
    ),
    value('"!!!"', '!!!'),
    NUL,
    value('1,000 characters', 'c'.repeat(1_000)),
  ],
  datetime: DATETIMES,
  day: [
    value('0000-01-01 (year 0)', '0000-01-01'),
    value('2020-02-31 (no such day)', '2020-02-31'),
    value('2020-13-01 (no such month)', '2020-13-01'),
    value('"garbage"', 'garbage'),
    NUL,
  ],
  enum: [value('"bogus"', 'bogus'), NUL],
  filter: [NUL, value('1,000 characters', 'f'.repeat(1_000))],
  flag: [value('"yes"', 'yes'), NUL],
  'page-limit': [
    value('-1', '-1'),
    value('0', '0'),
    value('"abc"', 'abc'),
    value('1.5', '1.5'),
    value('2147483648', '2147483648'),
    value('1e400', '1e400'),
    NUL,
  ],
  'request-id': [NUL, value('empty', ''), value('200 characters', 'r'.repeat(200))],
  status: [value('999', '999'), value('"abc"', 'abc'), value('2147483648', '2147483648'), NUL],
  uuid: [value('"not-a-uuid"', 'not-a-uuid'), NUL],
};

/** The bad values of a query parameter of this kind. */
export function badQueryValuesFor(kind: QueryKind): BadUrlValue[] {
  return BY_QUERY_KIND[kind];
}

/** Bad values every query string can carry, whatever its parameters. */
export const BAD_QUERY_STRINGS: readonly BadUrlValue[] = [
  encoded('an unknown parameter', 'bogus=1'),
  encoded('a bad percent-escape in a value', 'bogus=%zz'),
  encoded('truncated UTF-8 in a name', '%E4%B8=1'),
];

const BY_PATH_KIND: Record<PathKind, BadUrlValue[]> = {
  'model-id': [
    encoded('a NUL character in the model', 'fake/gpt%00'),
    encoded('a NUL character in the provider', 'fa%00ke/gpt'),
    encoded('a bad percent-escape', 'fake/%zz'),
    encoded('an unknown model', 'fake/no-such-model'),
    encoded('3,000 characters', `fake/${'m'.repeat(3_000)}`),
  ],
  name: [NUL, BAD_ESCAPE, TRUNCATED_UTF8, value('an unknown name', 'no-such-provider')],
  'request-id': [NUL, BAD_ESCAPE, TRUNCATED_UTF8, value('3,000 characters', 'r'.repeat(3_000))],
  uuid: [
    value('"not-a-uuid"', 'not-a-uuid'),
    encoded('a NUL character', `${NIL_UUID.slice(0, -1)}%00`),
    value('an unknown uuid', NIL_UUID),
    BAD_ESCAPE,
    encoded('a non-ASCII character', '%E4%B8%AD'),
  ],
};

/** The bad values of a path parameter of this kind. */
export function badPathValuesFor(kind: PathKind): BadUrlValue[] {
  return BY_PATH_KIND[kind];
}
