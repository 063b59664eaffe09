import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { FakeOutcome } from './fake-outcome.js';

/** A request as the fake received it, whole: what auth checks and signature verifiers read. */
export interface FakeReceivedRequest {
  readonly method: string;
  /** The full URL (path and query) against a placeholder origin. */
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly bodyText: string;
}

/** A routed request: its captures from the route's path and its body, parsed when JSON. */
export interface FakeCall {
  readonly request: FakeReceivedRequest;
  /** The path pattern's capture groups, URI-decoded. */
  readonly params: readonly string[];
  readonly body: unknown;
  /** This response's request id, when the dialect sends one. */
  readonly requestId: string | undefined;
}

/** One endpoint of a dialect. */
export interface FakeRoute<TError> {
  readonly method: 'GET' | 'POST';
  /** Matched against the whole path (without the query). */
  readonly path: RegExp;
  /** Whether a body that is not JSON is refused with `errors.invalidJson`; default true. */
  readonly json?: boolean;
  answer(call: FakeCall): FakeOutcome<TError>;
}

/** The provider's error body: how it is written, and the errors the core itself needs. */
export interface FakeErrorFormat<TError> {
  write(response: ServerResponse, error: TError): void;
  notFound(method: string, path: string): TError;
  invalidJson(bodyText: string): TError;
  /** A 500 for a failure inside the fake. */
  failed(message: string): TError;
  /** The error for the `error-<status>` scenario. */
  scenario(status: number, model: string): TError;
  /** The `error-leak` scenario: an error quoting the caller's credential; absent, no such scenario. */
  leak?(request: FakeReceivedRequest): TError;
}

/**
 * A provider's wire format on the fake-upstream core: its routes, its auth check, its error
 * body, and the content type of its JSON. Request parsing, reply building and stream framing
 * live in the routes' answers.
 */
export interface FakeDialect<TError> {
  /** The path the base URL handed to tests ends with, e.g. `/v1`. */
  readonly basePath: string;
  /** A request id header set on every response, e.g. `{ header: 'request-id', prefix: 'req_' }`. */
  readonly requestId?: { readonly header: string; readonly prefix: string };
  /**
   * Refuses a request whose credentials (or required headers) are wrong; runs before routing.
   * May be asynchronous (a SigV4 verifier recomputes the signature with an async hash).
   */
  authenticate?(request: FakeReceivedRequest): TError | undefined | Promise<TError | undefined>;
  readonly routes: readonly FakeRoute<TError>[];
  readonly errors: FakeErrorFormat<TError>;
  /** The `content-type` of JSON answers, e.g. `application/json; charset=UTF-8`. */
  readonly jsonContentType: string;
}
