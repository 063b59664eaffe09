import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { waitUnlessAborted } from '../fake-openai/wait-unless-aborted.js';
import { writeAnthropicError } from './anthropic-error.js';
import type { AnthropicScenario } from './anthropic-scenario.js';
import { anthropicScenarioError } from './anthropic-scenario-error.js';

/**
 * Runs the scenarios that act before any answer is built: `error-<status>`, `error-leak` (a 401
 * quoting the caller's full `x-api-key`), `slow-<ms>`, `stall-headers` (never answers) and, for a
 * non-streaming request, `garbage`. Returns true when the scenario has taken over the response.
 */
export async function applyAnthropicRequestScenario(
  exchange: FakeExchange,
  scenario: AnthropicScenario,
  model: string,
  stream: boolean,
): Promise<boolean> {
  const { request, response, signal } = exchange;
  switch (scenario.kind) {
    case 'error':
      writeAnthropicError(response, anthropicScenarioError(scenario.status, model));
      return true;
    case 'error-leak': {
      const key = request.headers['x-api-key'];
      const message = `invalid x-api-key: ${typeof key === 'string' ? key : ''}`;
      writeAnthropicError(response, { status: 401, type: 'authentication_error', message });
      return true;
    }
    case 'slow':
      return !(await waitUnlessAborted(scenario.delayMs, signal));
    case 'stall-headers':
      return true;
    case 'garbage':
      if (stream) return false;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('<html><body>502 Bad Gateway</body></html> this is not JSON');
      return true;
    default:
      return false;
  }
}
