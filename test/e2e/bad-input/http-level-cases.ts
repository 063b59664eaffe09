import type { BadInputCase, CaseRequest, Expectation } from './bad-input-case.js';
import type { Caller, CorpusFixtures } from './corpus-fixtures.js';
import { GOOD_CHAT, GOOD_MESSAGES } from './gateway-route-specs.js';
import { toJsonText } from './json-text.js';

const OPENAI_404: Expectation = { status: 404, shape: 'openai', code: 'not_found' };
const ANTHROPIC_404: Expectation = { status: 404, shape: 'anthropic', code: 'not_found_error' };
const NO_SUCH_METHOD = [404, 405] as const;

const call =
  (method: string, path: string, caller: Caller = 'member', body?: unknown) =>
  (): CaseRequest => ({
    method,
    path,
    caller,
    ...(body !== undefined && { body: toJsonText(body) }),
  });

/** Routes that do not exist: 404 (or 405) in the shape of the API the path belongs to. */
const UNKNOWN_ROUTES: BadInputCase[] = [
  ['GET', '/v1/bogus', OPENAI_404],
  ['POST', '/v1/chat', OPENAI_404],
  ['GET', '/admin/v1/bogus', OPENAI_404],
  ['GET', '/v1/%zz', { status: '4xx', shape: 'openai' }],
  ['PUT', '/admin/v1/teams', { status: NO_SUCH_METHOD, shape: 'openai' }],
  ['GET', '/v1/chat/completions', { status: NO_SUCH_METHOD, shape: 'openai' }],
  ['DELETE', '/v1/embeddings', { status: NO_SUCH_METHOD, shape: 'openai' }],
  ['GET', '/v1/messages', { status: NO_SUCH_METHOD, shape: 'anthropic' }],
  ['POST', '/v1/messages/batches', ANTHROPIC_404],
  ['POST', '/v1/messages/bogus', ANTHROPIC_404],
  ['GET', '/v1/messages/%zz', { status: '4xx', shape: 'anthropic' }],
].map(([method, path, expect]) => ({
  route: 'unknown routes',
  name: `${method} ${path}`,
  request: call(String(method), String(path), 'member', method === 'POST' ? {} : undefined),
  expect: expect as Expectation,
}));

const keyHeader = (name: string, headers: Record<string, string>): BadInputCase => ({
  route: 'GET /v1/key',
  name,
  request: () => ({ method: 'GET', path: '/v1/key', caller: 'none', headers }),
  expect: { status: 401, shape: 'openai' },
});

/** Authorization headers that are not a bearer token. */
const AUTH_HEADERS: BadInputCase[] = [
  keyHeader('"Authorization: Bearer" without a token', { authorization: 'Bearer' }),
  keyHeader('Basic authentication', { authorization: 'Basic Zm9vOmJhcg==' }),
  keyHeader('a bearer token with a space in it', { authorization: 'Bearer sk-sy-a b' }),
  keyHeader('an empty x-api-key', { 'x-api-key': '' }),
  keyHeader('a 10,000-character token', { authorization: `Bearer sk-sy-${'k'.repeat(10_000)}` }),
  keyHeader('a Latin-1 token', { authorization: 'Bearer sk-sy-\u00e9\u00e9' }),
  {
    route: 'POST /v1/messages',
    name: 'an invalid x-api-key',
    request: () => ({
      method: 'POST',
      path: '/v1/messages',
      caller: 'none',
      headers: { 'x-api-key': 'sk-sy-wrong' },
      body: toJsonText(GOOD_MESSAGES),
    }),
    expect: {
      status: 401,
      shape: 'anthropic',
      code: 'authentication_error',
      upstreamUntouched: true,
    },
  },
];

const chatWith = (change: Partial<CaseRequest>) => (): CaseRequest => ({
  method: 'POST',
  path: '/v1/chat/completions',
  caller: 'member',
  body: toJsonText(GOOD_CHAT),
  ...change,
});
const refused = (status: Expectation['status'], code?: string): Expectation => ({
  status,
  shape: 'openai',
  upstreamUntouched: true,
  ...(code !== undefined && { code }),
});

/** Bodies the framework must refuse before any route sees them. */
const BODY_ENVELOPES: BadInputCase[] = [
  {
    route: 'POST /v1/chat/completions',
    name: 'a 5 MiB body, read by fetch',
    request: chatWith({ body: toJsonText({ ...GOOD_CHAT, padding: 'p'.repeat(5 * 1024 * 1024) }) }),
    expect: refused(413, 'request_too_large'),
  },
  {
    route: 'POST /v1/messages',
    name: 'a 5 MiB body, read by fetch',
    request: () => ({
      method: 'POST',
      path: '/v1/messages',
      caller: 'member',
      body: toJsonText({ ...GOOD_MESSAGES, padding: 'p'.repeat(5 * 1024 * 1024) }),
    }),
    expect: {
      status: 413,
      shape: 'anthropic',
      code: 'request_too_large',
      upstreamUntouched: true,
    },
  },
  {
    route: 'POST /v1/chat/completions',
    name: 'a body without a content-type',
    request: chatWith({ body: new TextEncoder().encode(toJsonText(GOOD_CHAT)), contentType: '' }),
    expect: refused(415, 'unsupported_media_type'),
  },
  {
    route: 'POST /v1/chat/completions',
    name: 'a form body (application/x-www-form-urlencoded)',
    request: chatWith({ contentType: 'application/x-www-form-urlencoded', body: 'model=fake/gpt' }),
    expect: refused(415, 'unsupported_media_type'),
  },
  {
    route: 'POST /v1/chat/completions',
    name: 'JSON null',
    request: chatWith({ body: 'null' }),
    expect: refused(400),
  },
  {
    route: 'POST /v1/chat/completions',
    name: 'content-type application/jsonx',
    request: chatWith({ contentType: 'application/jsonx' }),
    expect: refused(415, 'unsupported_media_type'),
  },
  {
    route: 'POST /v1/chat/completions',
    name: 'no body and no content-type',
    request: () => ({ method: 'POST', path: '/v1/chat/completions', caller: 'member' }),
    expect: refused(400),
  },
];

/**
 * A served request must still carry valid headers: the names of fields the upstream cannot take
 * reach `x-switchyard-warnings`, on `/v1/messages` and on a Gemini model's chat request.
 */
function servedWithWarnings(
  name: string,
  extra: Record<string, unknown>,
  mention = '',
): BadInputCase[] {
  const messages: BadInputCase = {
    route: 'POST /v1/messages',
    name,
    request: () => ({
      method: 'POST',
      path: '/v1/messages',
      caller: 'member',
      body: toJsonText({ ...GOOD_MESSAGES, ...extra }),
    }),
    expect: { status: 200, shape: 'anthropic', warnings: mention },
  };
  const gemini: BadInputCase = {
    route: 'POST /v1/chat/completions',
    name: `${name}, to google/gemini-test`,
    request: chatWith({
      body: toJsonText({ ...GOOD_CHAT, model: 'google/gemini-test', ...extra }),
    }),
    expect: { status: 200, shape: 'openai', warnings: mention },
  };
  return 'messages' in extra ? [messages] : [messages, gemini];
}

const manyFields = Object.fromEntries(
  Array.from({ length: 3_000 }, (_, index) => [`unknown_${index}`, index]),
);

const FIELD_NAMES_IN_WARNINGS: BadInputCase[] = [
  ...servedWithWarnings('an unknown field named "中"', { 中: 1 }),
  ...servedWithWarnings('an unknown field name with CR/LF', { 'x\r\ny': 1 }),
  ...servedWithWarnings('an unknown field name with a NUL character', { 'x\u0000y': 1 }),
  ...servedWithWarnings('an unknown field name with Latin-1 "é"', { 'caf\u00e9': 1 }),
  ...servedWithWarnings('3,000 unknown fields', manyFields),
  ...servedWithWarnings('a 20,000-character unknown field name', { ['n'.repeat(20_000)]: 1 }),
  ...servedWithWarnings(
    'an unknown content block type',
    {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'corpus_block', text: 'hi' },
            { type: 'text', text: 'hello' },
          ],
        },
      ],
    },
    'corpus_block',
  ),
  {
    route: 'POST /v1/chat/completions',
    name: 'unknown fields named "中", with CR/LF and with NUL (passed on)',
    request: chatWith({
      body: toJsonText({ ...GOOD_CHAT, 中: 1, 'x\r\ny': 2, 'x\u0000y': 3 }),
    }),
    expect: { status: 200, shape: 'openai' },
  },
  {
    route: 'GET /v1/models',
    name: 'an x-request-id of Latin-1 characters (replaced, not echoed)',
    request: () => ({
      method: 'GET',
      path: '/v1/models',
      caller: 'member',
      headers: { 'x-request-id': '\u00e9'.repeat(50) },
    }),
    expect: { status: 200, shape: 'openai' },
  },
];

const rawCase = (name: string, bytes: (fixtures: CorpusFixtures) => string): BadInputCase => ({
  route: 'HTTP framing',
  name,
  request: () => ({ method: 'RAW', path: name, caller: 'none' }),
  raw: { bytes },
  expect: { status: 400, shape: 'openai' },
});

/** What only a raw socket sends: requests node's HTTP parser refuses before fastify sees them. */
const FRAMING: BadInputCase[] = [
  rawCase(
    'an HTTP/1.1 request without Host',
    () => 'GET /v1/models HTTP/1.1\r\nConnection: close\r\n\r\n',
  ),
  rawCase('a malformed request line', () => 'GARBAGE\r\nHost: x\r\nConnection: close\r\n\r\n'),
  rawCase(
    'a header line without a colon',
    () => 'GET /livez HTTP/1.1\r\nHost: x\r\nno colon here\r\nConnection: close\r\n\r\n',
  ),
  rawCase(
    'a chunked body with a bad chunk size',
    (fixtures) =>
      `POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${fixtures.secrets.member}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
  ),
  {
    route: 'HTTP framing',
    name: '20 KB of request headers (431)',
    request: () => ({
      method: 'GET',
      path: '/v1/models',
      caller: 'member',
      headers: { 'x-padding': 'p'.repeat(20_000) },
    }),
    expect: { status: 431, shape: 'openai' },
  },
];

/** Cases that are not one route's field: unknown routes, headers, framing, body envelopes. */
export const HTTP_LEVEL_CASES: readonly BadInputCase[] = [
  ...UNKNOWN_ROUTES,
  ...AUTH_HEADERS,
  ...BODY_ENVELOPES,
  ...FIELD_NAMES_IN_WARNINGS,
  ...FRAMING,
];
