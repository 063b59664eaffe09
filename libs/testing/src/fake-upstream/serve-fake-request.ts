import type { FakeDialect, FakeReceivedRequest, FakeRoute } from './fake-dialect.js';
import type { FakeExchange } from './fake-exchange.js';
import { coreScenarioOf } from './fake-scenario.js';
import type { RequestBody } from './read-request-body.js';
import { runRequestScenario } from './run-request-scenario.js';
import { writeJsonReply } from './write-json-reply.js';
import { writeStreamReply } from './write-stream-reply.js';

/**
 * Answers one request in the dialect: the auth check, then the route (none: the dialect's 404;
 * a body that is not JSON: its 400), then the route's outcome: its error, or the scenario and
 * then the JSON or streamed reply.
 */
export async function serveFakeRequest<TError>(
  dialect: FakeDialect<TError>,
  exchange: FakeExchange,
  received: FakeReceivedRequest,
  body: RequestBody,
): Promise<void> {
  const { response } = exchange;
  const { errors } = dialect;
  const refused = await dialect.authenticate?.(received);
  if (refused !== undefined) return errors.write(response, refused);
  const path = received.url.pathname;
  const match = matchRoute(dialect.routes, received.method, path);
  if (match === undefined) return errors.write(response, errors.notFound(received.method, path));
  if (match.route.json !== false && !body.json.ok) {
    return errors.write(response, errors.invalidJson(body.text));
  }
  const requestId = dialect.requestId && String(response.getHeader(dialect.requestId.header));
  const call = {
    request: received,
    params: match.params,
    body: body.json.ok ? body.json.value : undefined,
    requestId,
  };
  const outcome = match.route.answer(call);
  if (outcome.kind === 'refuse') return errors.write(response, outcome.error);
  const scenario = coreScenarioOf(outcome.scenario);
  const taken = await runRequestScenario(dialect, exchange, received, {
    scenario,
    model: outcome.model,
    stream: outcome.stream,
  });
  if (taken) return;
  const reply = outcome.reply();
  if (reply.kind === 'json') {
    writeJsonReply(response, reply.text, dialect.jsonContentType, scenario);
    return;
  }
  await writeStreamReply(exchange, reply.framing, reply.events, scenario);
}

function matchRoute<TError>(
  routes: readonly FakeRoute<TError>[],
  method: string,
  path: string,
): { route: FakeRoute<TError>; params: string[] } | undefined {
  for (const route of routes) {
    const match = route.method === method ? route.path.exec(path) : null;
    if (match !== null) return { route, params: match.slice(1).map(decodeParam) };
  }
  return undefined;
}

function decodeParam(value: string | undefined): string {
  return value === undefined ? '' : decodeURIComponent(value);
}
