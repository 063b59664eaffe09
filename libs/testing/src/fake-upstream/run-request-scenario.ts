import type { FakeDialect, FakeReceivedRequest } from './fake-dialect.js';
import type { FakeExchange } from './fake-exchange.js';
import type { CoreFakeScenario } from './fake-scenario.js';
import { waitUnlessAborted } from './wait-unless-aborted.js';

const GARBAGE_BODY = '<html><body>502 Bad Gateway</body></html> this is not JSON';

/**
 * Runs the scenarios that act before any answer is built: `error-<status>` (the dialect's error
 * for it), `error-leak` (the dialect's error quoting the caller's credential), `slow-<ms>`,
 * `stall-headers` (never answers) and, when no stream was asked for, `garbage` (a 200 JSON
 * response whose body is not JSON). Returns true when the scenario has taken over the response.
 */
export async function runRequestScenario<TError>(
  dialect: FakeDialect<TError>,
  exchange: FakeExchange,
  received: FakeReceivedRequest,
  answer: { readonly scenario: CoreFakeScenario; readonly model: string; readonly stream: boolean },
): Promise<boolean> {
  const { response, signal } = exchange;
  const { scenario } = answer;
  switch (scenario.kind) {
    case 'error':
      dialect.errors.write(response, dialect.errors.scenario(scenario.status, answer.model));
      return true;
    case 'error-leak': {
      const leak = dialect.errors.leak?.(received);
      if (leak === undefined) return false;
      dialect.errors.write(response, leak);
      return true;
    }
    case 'slow':
      return !(await waitUnlessAborted(scenario.delayMs, signal));
    case 'stall-headers':
      return true;
    case 'garbage':
      if (answer.stream) return false;
      response.writeHead(200, { 'content-type': dialect.jsonContentType });
      response.end(GARBAGE_BODY);
      return true;
    default:
      return false;
  }
}
