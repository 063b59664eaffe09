import type { FakeErrorFormat } from './fake-dialect.js';
import type { FakeExchange } from './fake-exchange.js';

/** An unexpected failure in the fake: the dialect's 500 if nothing was sent yet, else a cut socket. */
export function failExchange<TError>(
  errors: FakeErrorFormat<TError>,
  exchange: FakeExchange,
  error: unknown,
): void {
  const { response, signal } = exchange;
  if (signal.aborted || response.writableEnded) return;
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const detail = error instanceof Error ? error.message : String(error);
  errors.write(response, errors.failed(`The fake upstream failed: ${detail}`));
}
