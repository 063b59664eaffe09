import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { waitUnlessAborted } from '../fake-openai/wait-unless-aborted.js';
import type { FakeGoogleScenario } from './fake-google-scenario.js';
import { writeGoogleError } from './google-error.js';
import { googleScenarioError } from './google-scenario-error.js';

/**
 * Runs the scenarios that act before any answer is built: `error-<status>`, `slow-<ms>`,
 * `stall-headers` (never answers) and, for an answer that is not SSE, `garbage`. Returns true
 * when the scenario has taken over the response.
 */
export async function applyGoogleScenario(
  exchange: FakeExchange,
  scenario: FakeGoogleScenario,
  model: string,
  sse: boolean,
): Promise<boolean> {
  switch (scenario.kind) {
    case 'error':
      writeGoogleError(exchange.response, googleScenarioError(scenario.status, model));
      return true;
    case 'slow':
      return !(await waitUnlessAborted(scenario.delayMs, exchange.signal));
    case 'stall-headers':
      return true;
    case 'garbage':
      if (sse) return false;
      exchange.response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      exchange.response.end('<html><body>502 Bad Gateway</body></html> this is not JSON');
      return true;
    default:
      return false;
  }
}
