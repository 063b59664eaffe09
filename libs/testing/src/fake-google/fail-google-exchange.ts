import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { writeGoogleError } from './google-error.js';

/** An unexpected failure in the fake: Google's 500 if nothing was sent yet, else a cut socket. */
export function failGoogleExchange(exchange: FakeExchange, error: unknown): void {
  const { response, signal } = exchange;
  if (signal.aborted || response.writableEnded) return;
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const detail = error instanceof Error ? error.message : String(error);
  writeGoogleError(response, {
    code: 500,
    status: 'INTERNAL',
    message: `The fake upstream failed: ${detail}`,
  });
}
