/** Why the bus refused or failed an operation. */
export type BusErrorCode =
  /** Not connected right now; retry later (a publish buffer should keep the message). */
  | 'disconnected'
  /** The bus was closed; nothing more will succeed. */
  | 'closed'
  /** No stream captures the subject. */
  | 'no_stream'
  /** The stream did not acknowledge in time; the message may or may not be stored. */
  | 'timeout'
  | 'invalid_argument'
  /** Anything else the server or client reported; see `cause`. */
  | 'failed';

/** A typed bus failure; `retryable` says whether the same call may succeed later. */
export class BusError extends Error {
  readonly code: BusErrorCode;
  readonly retryable: boolean;

  constructor(code: BusErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BusError';
    this.code = code;
    this.retryable = code !== 'closed' && code !== 'invalid_argument';
  }
}
