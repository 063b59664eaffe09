/** What one limit said about one admission attempt (or, for `state`, about now). */
export interface LimitOutcome {
  /** The limit had room for the request. */
  readonly fits: boolean;
  /** When it would have room, in ms (0 when it fits). */
  readonly retryAfterMs: number;
  /** The request's cost exceeds the limit itself: it never fits. */
  readonly tooLarge: boolean;
  /** Units left: after the charge when the request was admitted, else as they stand. */
  readonly remaining: number;
  /** Ms until the limit is back to its full allowance, on the same footing as `remaining`. */
  readonly resetMs: number;
}
