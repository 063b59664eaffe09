import { deeplyNested, rawJson } from './json-text.js';

/** The kinds of body field the routes declare; each has its own bad values. */
export type FieldKind =
  | 'anthropic-messages'
  | 'boolean'
  | 'chat-messages'
  | 'count'
  | 'embedding-input'
  | 'enum'
  | 'future-timestamp'
  | 'fraction'
  | 'metadata'
  | 'model'
  | 'model-list'
  | 'name'
  | 'object'
  | 'provider-preferences'
  | 'secret'
  | 'string-list'
  | 'text'
  | 'token-count'
  | 'url'
  | 'usd'
  | 'uuid';

/** A bad value, how a failure report names it, and its status where it is not 400. */
export interface BadValue {
  label: string;
  value: unknown;
  status?: number | '4xx';
}

const bad = (label: string, value: unknown, status?: number | '4xx'): BadValue => ({
  label,
  value,
  ...(status !== undefined && { status }),
});

/** Depth of the nesting the issue reproduced as a `RangeError` 500. */
export const DEEP_NESTING = 10_000;

const JSON_TYPE: Record<FieldKind, 'string' | 'number' | 'boolean' | 'array' | 'object'> = {
  'anthropic-messages': 'array',
  boolean: 'boolean',
  'chat-messages': 'array',
  count: 'number',
  'embedding-input': 'string',
  enum: 'string',
  'future-timestamp': 'string',
  fraction: 'number',
  metadata: 'object',
  model: 'string',
  'model-list': 'array',
  name: 'string',
  object: 'object',
  'provider-preferences': 'object',
  secret: 'string',
  'string-list': 'array',
  text: 'string',
  'token-count': 'number',
  url: 'string',
  usd: 'string',
  uuid: 'string',
};

const WRONG_TYPES: Record<(typeof JSON_TYPE)[FieldKind], BadValue[]> = {
  string: [bad('a number', 42)],
  number: [bad('a numeric string', '7')],
  boolean: [bad('the string "true"', 'true')],
  array: [bad('an object', {})],
  object: [bad('an array', [])],
};

/** Out-of-range integers: negative, zero, fractions, above int32 and 2^53, beyond a double. */
const COUNTS = [
  bad('-1', -1),
  bad('1.5', 1.5),
  bad('2147483648 (int32 max + 1)', 2_147_483_648),
  bad('9007199254740993 (above 2^53)', rawJson('9007199254740993')),
  bad('1e400', rawJson('1e400')),
  bad('"NaN"', 'NaN'),
];

const user = (content: unknown) => [{ role: 'user', content }];

const BY_KIND: Record<FieldKind, BadValue[]> = {
  'anthropic-messages': [
    bad('[]', []),
    bad('[{}]', [{}]),
    bad('an unknown role', [{ role: 'system', content: 'hi' }]),
    bad('a message without content', [{ role: 'user' }]),
    bad('a text block without text', user([{ type: 'text' }])),
    bad('an image block without a source', user([{ type: 'image' }])),
    bad('a block without a type', user([{ text: 'hi' }])),
    bad('a tool_result without tool_use_id', user([{ type: 'tool_result', content: 'x' }])),
  ],
  boolean: [],
  'chat-messages': [
    bad('[]', []),
    bad('[{}]', [{}]),
    bad('an unknown role', [{ role: 'bogus', content: 'hi' }]),
    bad('a message without content', [{ role: 'user' }]),
    bad('content as a number', user(42)),
    bad('a text part without text', user([{ type: 'text' }])),
    bad('a text part with a number as text', user([{ type: 'text', text: 42 }])),
    bad('an image_url part without image_url', user([{ type: 'image_url' }])),
    bad('a part without a type', user([{ text: 'hi' }])),
    bad('a part with a numeric type', user([{ type: 42 }])),
    bad('a tool message without tool_call_id', [{ role: 'tool', content: 'x' }]),
    bad('an assistant tool call without a function', [
      { role: 'assistant', tool_calls: [{ id: 'c', type: 'function' }] },
    ]),
  ],
  count: COUNTS,
  'embedding-input': [
    bad('[]', []),
    bad('[-1] (a negative token)', [-1]),
    bad('[1.5] (a fractional token)', [1.5]),
    bad('a mixed array', ['a', 1]),
  ],
  enum: [bad('"bogus"', 'bogus'), bad('""', ''), bad('a NUL character', 'day\u0000')],
  'future-timestamp': [
    bad('"0000-01-01T00:00:00Z"', '0000-01-01T00:00:00Z'),
    bad('"2099-02-31T00:00:00Z" (no such day)', '2099-02-31T00:00:00Z'),
    bad('"garbage"', 'garbage'),
    bad('a NUL character', '2099-01-01T00:00:00Z\u0000'),
  ],
  fraction: [
    bad('-1', -1),
    bad('3', 3),
    bad('1e400', rawJson('1e400')),
    bad('-1e400', rawJson('-1e400')),
    bad('"NaN"', 'NaN'),
  ],
  model: [
    bad('""', ''),
    bad('an unknown model', 'fake/no-such-model', 404),
    bad('a NUL character', 'fake/gpt\u0000', '4xx'),
    bad(':free on a model with no free route', 'fake/gpt:free', '4xx'),
  ],
  metadata: [
    bad(`${DEEP_NESTING} levels of nesting`, { deep: deeplyNested(DEEP_NESTING) }),
    bad('a NUL character in a value', { note: 'a\u0000b' }),
    bad('a NUL character in a name', { 'a\u0000b': 1 }),
    bad('a 20,000-character name', { ['n'.repeat(20_000)]: 1 }),
  ],
  'model-list': [
    bad('[1]', [1]),
    bad('[""]', ['']),
    bad('a NUL character in an id', ['fake/gpt\u0000'], '4xx'),
  ],
  name: [
    bad('""', ''),
    bad('only spaces', '   '),
    bad('a NUL character', 'a\u0000b'),
    bad('1,000 characters', 'n'.repeat(1_000)),
  ],
  object: [],
  'provider-preferences': [
    bad('{only: []}', { only: [] }, '4xx'),
    bad('{only: "fake"}', { only: 'fake' }),
    bad('{order: [1]}', { order: [1] }),
    bad('{allow_fallbacks: "no"}', { allow_fallbacks: 'no' }),
  ],
  secret: [bad('a NUL character', 'sk-0123456789\u0000'), bad('too short', 'x')],
  'string-list': [bad('[1]', [1])],
  text: [],
  'token-count': [
    bad('-1', -1),
    bad('0', 0),
    bad('1.5', 1.5),
    bad('1e400', rawJson('1e400')),
    bad('"NaN"', 'NaN'),
  ],
  url: [
    bad('"ftp://example.com"', 'ftp://example.com'),
    bad('"not a url"', 'not a url'),
    bad('a NUL character', 'http://example.com/\u0000'),
  ],
  usd: [
    bad('"-1"', '-1'),
    bad('"1e3"', '1e3'),
    bad('the number 1', 1),
    bad('ten decimals', '0.0000000001'),
    bad('"NaN"', 'NaN'),
    bad('"999999999999" (above 11 digits)', '999999999999'),
  ],
  uuid: [
    bad('"not-a-uuid"', 'not-a-uuid'),
    bad('a NUL character', '00000000-0000-0000-0000-00000000000\u0000'),
  ],
};

/** Values of the wrong JSON type, then the kind's own bad values. */
export function badValuesFor(kind: FieldKind): BadValue[] {
  return [...WRONG_TYPES[JSON_TYPE[kind]], ...BY_KIND[kind]];
}
