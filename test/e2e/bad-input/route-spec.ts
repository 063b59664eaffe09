import type { FieldKind } from './bad-body-values.js';
import type { ErrorShape } from './bad-input-case.js';
import type { PathKind, QueryKind } from './bad-url-values.js';
import type { Caller, CorpusFixtures } from './corpus-fixtures.js';

/** A JSON object body. */
export type JsonRecord = Record<string, unknown>;

/**
 * A route as the corpus knows it: how to call it well, and the fields, query parameters and
 * path parameter whose bad values it must refuse. The generator turns it into cases.
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path as the OpenAPI documents write it, e.g. `/admin/v1/keys/{id}/revoke`. */
  template: string;
  shape: ErrorShape;
  /** The key a good call is made with. */
  caller: Caller;
  /** Keys the route refuses with 403 (a member key on an admin-only route). */
  forbidden?: readonly Caller[];
  /** The path of a good call, parameters filled from the fixtures. */
  path: (fixtures: CorpusFixtures) => string;
  /** The route's path parameter: its kind, and the path with a (bad) value in its place. */
  pathParameter?: { kind: PathKind; fill: (encoded: string, fixtures: CorpusFixtures) => string };
  /** A good body, for routes that take one. */
  body?: (fixtures: CorpusFixtures) => JsonRecord;
  /**
   * A POST that takes no body fields (revoke, rotate, sync): only the body's envelope is checked,
   * and an empty JSON body gets `emptyJsonStatus` when the issue names one.
   */
  bodyless?: { emptyJsonStatus?: number };
  /** Body fields by dotted path (`limits.rpm`) and their kinds. */
  fields?: Readonly<Record<string, FieldKind>>;
  required?: readonly string[];
  /** Unknown body fields and query parameters are refused (the admin API's strict schemas). */
  strict?: boolean;
  query?: Readonly<Record<string, QueryKind>>;
  /** A good call reaches an upstream: every refused case must be refused before routing. */
  callsUpstream?: boolean;
}
