import { badValuesFor, DEEP_NESTING } from './bad-body-values.js';
import type { BadInputCase, CaseRequest, Expectation } from './bad-input-case.js';
import { BAD_QUERY_STRINGS, badPathValuesFor, badQueryValuesFor } from './bad-url-values.js';
import type { CorpusFixtures } from './corpus-fixtures.js';
import { deeplyNested, toJsonText, withField, withoutField } from './json-text.js';
import type { RouteSpec } from './route-spec.js';

/** Bytes beyond the corpus server's body limit (64 KiB). */
export const OVERSIZED_BYTES = 100 * 1024;

/** Every case of one route: callers, body fields, required fields, the body itself, query, path. */
export function generateRouteCases(spec: RouteSpec): BadInputCase[] {
  return [
    ...callerCases(spec),
    ...(spec.body ? bodyCases(spec) : []),
    ...(spec.bodyless ? bodylessCases(spec, spec.bodyless.emptyJsonStatus) : []),
    ...(spec.query ? queryCases(spec) : []),
    ...(spec.pathParameter ? pathCases(spec) : []),
  ];
}

const routeOf = (spec: RouteSpec) => `${spec.method} ${spec.template}`;

function expectation(spec: RouteSpec, status: Expectation['status'], code?: string): Expectation {
  return {
    status,
    shape: spec.shape,
    ...(code !== undefined && { code }),
    ...(spec.callsUpstream === true && { upstreamUntouched: true }),
  };
}

/** A good request of the route, with some parts replaced. */
function goodRequest(
  spec: RouteSpec,
  fixtures: CorpusFixtures,
  change: Partial<CaseRequest> = {},
): CaseRequest {
  const body = spec.body?.(fixtures);
  return {
    method: spec.method,
    path: spec.path(fixtures),
    caller: spec.caller,
    ...(body !== undefined && { body: toJsonText(body) }),
    ...change,
  };
}

function callerCases(spec: RouteSpec): BadInputCase[] {
  const unauthenticated = spec.shape === 'anthropic' ? 'authentication_error' : undefined;
  return [
    {
      route: routeOf(spec),
      name: 'no API key',
      request: (fixtures) => goodRequest(spec, fixtures, { caller: 'none' }),
      expect: expectation(spec, 401, unauthenticated ?? 'missing_api_key'),
    },
    {
      route: routeOf(spec),
      name: 'an invalid API key',
      request: (fixtures) => goodRequest(spec, fixtures, { caller: 'invalid' }),
      expect: expectation(spec, 401, unauthenticated ?? 'invalid_api_key'),
    },
    ...(spec.forbidden ?? []).map((caller) => ({
      route: routeOf(spec),
      name: `a ${caller} key`,
      request: (fixtures: CorpusFixtures) => goodRequest(spec, fixtures, { caller }),
      expect: expectation(spec, 403),
    })),
  ];
}

function bodyCases(spec: RouteSpec): BadInputCase[] {
  const good = spec.body;
  if (good === undefined) return [];
  const withBody = (
    name: string,
    body: (fixtures: CorpusFixtures) => string,
    status: Expectation['status'] = 400,
  ): BadInputCase => ({
    route: routeOf(spec),
    name,
    request: (fixtures) => goodRequest(spec, fixtures, { body: body(fixtures) }),
    expect: expectation(spec, status),
  });
  const fieldCases = Object.entries(spec.fields ?? {}).flatMap(([field, kind]) =>
    badValuesFor(kind).map((bad) =>
      withBody(
        `${field} = ${bad.label}`,
        (fixtures) => toJsonText(withField(good(fixtures), field, bad.value)),
        bad.status,
      ),
    ),
  );
  const missing = (spec.required ?? []).map((field) =>
    withBody(`${field} missing`, (fixtures) => toJsonText(withoutField(good(fixtures), field))),
  );
  const unknownFields = spec.strict
    ? [
        ['an unknown field', 'bogus'],
        ['a field name with CR/LF', 'x\r\ny'],
        ['a field name with a NUL character', 'x\u0000y'],
        ['a non-ASCII field name', '中'],
        ['a 20,000-character field name', 'n'.repeat(20_000)],
      ].map(([name = '', field = '']) =>
        withBody(name, (fixtures) => toJsonText({ ...good(fixtures), [field]: 1 })),
      )
    : [];
  return [
    ...fieldCases,
    ...missing,
    ...unknownFields,
    withBody(`${DEEP_NESTING} levels of nesting in an unknown field`, (fixtures) =>
      toJsonText({ ...good(fixtures), nested: deeplyNested(DEEP_NESTING) }),
    ),
    withBody('malformed JSON', (fixtures) => toJsonText(good(fixtures)).slice(0, -1)),
    withBody('a JSON array instead of an object', () => '[]'),
    withBody('an empty body sent as application/json', () => ''),
    ...envelopeCases(spec, (fixtures) => toJsonText(good(fixtures))),
  ];
}

/** A route that reads no body still refuses a body that is not JSON, too deep or too large. */
function bodylessCases(spec: RouteSpec, emptyJsonStatus: number | undefined): BadInputCase[] {
  const route = routeOf(spec);
  const withBody = (name: string, body: string, status: number): BadInputCase => ({
    route,
    name,
    request: (fixtures) => goodRequest(spec, fixtures, { body }),
    expect: expectation(spec, status),
  });
  return [
    withBody('malformed JSON', '{"a":', 400),
    withBody(
      `${DEEP_NESTING} levels of nesting`,
      toJsonText({ nested: deeplyNested(DEEP_NESTING) }),
      400,
    ),
    ...envelopeCases(spec, () => '{}'),
    ...(emptyJsonStatus === undefined
      ? []
      : [withBody('an empty body sent as application/json', '', emptyJsonStatus)]),
  ];
}

/** What is wrong with the body as a whole: its media type or its size. */
function envelopeCases(
  spec: RouteSpec,
  goodBody: (fixtures: CorpusFixtures) => string,
): BadInputCase[] {
  const route = routeOf(spec);
  const good = (fixtures: CorpusFixtures) =>
    goodRequest(spec, fixtures, { body: goodBody(fixtures) });
  return [
    {
      route,
      name: 'the JSON sent as text/plain',
      request: (fixtures) => ({ ...good(fixtures), contentType: 'text/plain' }),
      expect: expectation(
        spec,
        415,
        spec.shape === 'openai' ? 'unsupported_media_type' : undefined,
      ),
    },
    {
      route,
      name: `a ${OVERSIZED_BYTES / 1024} KiB body (over the 64 KiB limit)`,
      request: (fixtures) => ({
        ...good(fixtures),
        body: toJsonText({ padding: 'p'.repeat(OVERSIZED_BYTES) }),
      }),
      expect: expectation(spec, 413, 'request_too_large'),
    },
  ];
}

function queryCases(spec: RouteSpec): BadInputCase[] {
  const route = routeOf(spec);
  const withQuery = (
    name: string,
    query: string,
    status: Expectation['status'] = 400,
  ): BadInputCase => ({
    route,
    name: `?${name}`,
    request: (fixtures) => goodRequest(spec, fixtures, { path: `${spec.path(fixtures)}?${query}` }),
    expect: expectation(spec, status),
  });
  // An id no request can have (NUL, too long) may be refused (400) or simply not found (404).
  const parameterCases = Object.entries(spec.query ?? {}).flatMap(([parameter, kind]) =>
    badQueryValuesFor(kind).map((bad) =>
      withQuery(
        `${parameter} = ${bad.label}`,
        `${parameter}=${bad.encoded}`,
        kind === 'request-id' ? '4xx' : 400,
      ),
    ),
  );
  const generic = spec.strict
    ? BAD_QUERY_STRINGS.map((bad) => withQuery(bad.label, bad.encoded))
    : [];
  return [...parameterCases, ...generic];
}

function pathCases(spec: RouteSpec): BadInputCase[] {
  const parameter = spec.pathParameter;
  if (parameter === undefined) return [];
  return badPathValuesFor(parameter.kind).map((bad) => ({
    route: routeOf(spec),
    name: `path parameter = ${bad.label}`,
    request: (fixtures) =>
      goodRequest(spec, fixtures, { path: parameter.fill(bad.encoded, fixtures) }),
    expect: expectation(spec, '4xx'),
  }));
}
