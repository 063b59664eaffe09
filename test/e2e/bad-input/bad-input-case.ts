import type { Caller, CorpusFixtures } from './corpus-fixtures.js';

/** The error body a route documents: OpenAI's everywhere, Anthropic's under `/v1/messages`. */
export type ErrorShape = 'openai' | 'anthropic';

/** One HTTP request of the corpus, as sent on the wire. */
export interface CaseRequest {
  method: string;
  /** Path and query exactly as sent (already percent-encoded, or deliberately not). */
  path: string;
  caller: Caller;
  /** JSON text, or bytes the case wants sent as they are. */
  body?: string | Uint8Array;
  /** Default `application/json` when there is a body. */
  contentType?: string;
  headers?: Record<string, string>;
}

/** What the corpus demands of the answer to a case. */
export interface Expectation {
  /** An exact status, one of several, or any 4xx where the issue names none. */
  status: number | readonly number[] | '4xx';
  shape: ErrorShape;
  /** The error `code` (OpenAI shape) or `error.type` (Anthropic shape) where it is documented. */
  code?: string;
  /** Input refused before routing: the fake upstream must not see a request. */
  upstreamUntouched?: boolean;
  /** For served cases (2xx): `x-switchyard-warnings` must be present and contain this text. */
  warnings?: string;
}

/** A request sent over raw TCP, for what fetch refuses to send (no Host, broken request lines). */
export interface RawRequest {
  /** The bytes to write; the server's answer is read until it closes the connection. */
  bytes: (fixtures: CorpusFixtures) => string;
}

/** One case of the corpus: a route, a kind of bad input, and what the answer must be. */
export interface BadInputCase {
  /** `METHOD /template` of the route it exercises, as the OpenAPI documents name it. */
  route: string;
  /** What is wrong with the input, e.g. `limits.rpm = 2147483648`. */
  name: string;
  request: (fixtures: CorpusFixtures) => CaseRequest;
  /** Sent over a raw socket instead of fetch. */
  raw?: RawRequest;
  expect: Expectation;
}
