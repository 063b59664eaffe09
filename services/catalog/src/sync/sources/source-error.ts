/** A catalog source that could not be read: unreachable, an HTTP error, or a body we cannot parse. */
export class SourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceError';
  }
}
