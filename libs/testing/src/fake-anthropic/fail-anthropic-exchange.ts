import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { writeAnthropicError } from './anthropic-error.js';

/** An unexpected failure in the fake: Anthropic's 500 if nothing was sent yet, else a cut socket. */
export function failAnthropicExchange(exchange: FakeExchange, error: unknown): void {
  const { response, signal } = exchange;
  if (signal.aborted || response.writableEnded) return;
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const detail = error instanceof Error ? error.message : String(error);
  writeAnthropicError(response, {
    status: 500,
    type: 'api_error',
    message: `The fake upstream failed: ${detail}`,
  });
}
