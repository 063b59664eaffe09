import type { ServerResponse } from 'node:http';
import type { CoreFakeScenario } from './fake-scenario.js';

/**
 * Sends a 200 JSON body. `stall-stream` sends the headers and half the body then nothing more;
 * `break-stream` sends half the body then destroys the socket.
 */
export function writeJsonReply(
  response: ServerResponse,
  text: string,
  contentType: string,
  scenario: CoreFakeScenario,
): void {
  response.writeHead(200, {
    'content-type': contentType,
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
