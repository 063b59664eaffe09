import type { ServerResponse } from 'node:http';
import type { FakeScenario } from './fake-scenario.js';

/**
 * Sends a 200 JSON body. For a non-streaming request, `stall-stream` sends the headers and half
 * the body then nothing more, and `break-stream` sends half the body then destroys the socket.
 */
export function writeJsonResponse(
  response: ServerResponse,
  body: unknown,
  scenario: FakeScenario,
): void {
  const text = JSON.stringify(body);
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  const half = text.slice(0, Math.floor(text.length / 2));
  if (scenario.kind === 'stall-stream') {
    response.write(half);
    return;
  }
  if (scenario.kind === 'break-stream') {
    response.write(half, () => response.destroy());
    return;
  }
  response.end(text);
}
