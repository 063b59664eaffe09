import type { FakeExchange } from './fake-exchange.js';
import { writeOpenAiError } from './openai-error.js';

/** An unexpected failure in the fake: OpenAI's 500 if nothing was sent yet, else a cut socket. */
export function failExchange(exchange: FakeExchange, error: unknown): void {
  const { response, signal } = exchange;
  if (signal.aborted || response.writableEnded) return;
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const message = `The fake upstream failed: ${error instanceof Error ? error.message : String(error)}`;
  writeOpenAiError(response, {
    status: 500,
    error: { message, type: 'server_error', param: null, code: null },
  });
}
