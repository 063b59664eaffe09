import type { ServerResponse } from 'node:http';
import type { FakeGoogleScenario } from './fake-google-scenario.js';

/**
 * Sends a 200 JSON body (an object, or the JSON array of a stream without `alt=sse`). For a
 * non-SSE answer `stall-stream` sends the headers and half the body then nothing more, and
 * `break-stream` sends half the body then destroys the socket.
 */
export function writeGoogleJson(
  response: ServerResponse,
  text: string,
  scenario: FakeGoogleScenario,
): void {
  response.writeHead(200, {
    'content-type': 'application/json; charset=UTF-8',
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
