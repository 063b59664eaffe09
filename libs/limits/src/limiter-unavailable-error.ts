/**
 * The limit store could not be reached and the limiter fails closed: the request must be
 * refused (503) rather than let through unchecked. `cause` holds the store's error.
 */
export class LimiterUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('rate-limit store unavailable', options);
    this.name = 'LimiterUnavailableError';
  }
}
