import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request the fake is answering. */
export interface FakeExchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  /** Aborted when the client goes away before the response finished. */
  readonly signal: AbortSignal;
}
