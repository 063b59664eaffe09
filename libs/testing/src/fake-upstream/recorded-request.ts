/** A request the fake received, as the test can assert on it. */
export interface RecordedRequest {
  readonly method: string;
  /** The URL path without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  /** Lower-cased header names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  readonly body: unknown;
  /** The body's text exactly as received (for byte-for-byte assertions on pass-throughs). */
  readonly rawBody: string;
  /** What the fake has written of its response body so far (UTF-8), for pass-through assertions. */
  readonly responseBody: string;
  /** `Date.now()` when the request arrived. */
  readonly receivedAt: number;
}
