import { bearerToken } from './check-api-key.js';
import type { FakeExchange } from './fake-exchange.js';
import type { FakeScenario } from './fake-scenario.js';
import { writeOpenAiError } from './openai-error.js';
import { incorrectApiKeyError, scenarioError } from './scenario-error.js';
import { waitUnlessAborted } from './wait-unless-aborted.js';

/**
 * Runs the scenarios that act before any answer is built: `error-<status>`, `error-leak` (a 401
 * quoting the caller's full bearer value), `slow-<ms>`, `stall-headers` (never answers) and, for
 * a non-streaming request, `garbage`. Returns true when the scenario has taken over the response.
 */
export async function applyRequestScenario(
  exchange: FakeExchange,
  scenario: FakeScenario,
  model: string,
  stream: boolean,
): Promise<boolean> {
  const { request, response, signal } = exchange;
  switch (scenario.kind) {
    case 'error':
      writeOpenAiError(response, scenarioError(scenario.status, model));
      return true;
    case 'error-leak': {
      const authorization = request.headers.authorization;
      const leaked = bearerToken(authorization) ?? authorization ?? '';
      writeOpenAiError(response, { status: 401, error: incorrectApiKeyError(leaked) });
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
