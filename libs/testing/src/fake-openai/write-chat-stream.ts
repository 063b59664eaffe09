import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FakeExchange } from './fake-exchange.js';
import type { FakeScenario } from './fake-scenario.js';
import { waitUnlessAborted } from './wait-unless-aborted.js';
import { writeFrame } from './write-frame.js';

/**
 * Streams the chunks as `data: {json}\n\n` events, one write each, then `data: [DONE]\n\n`.
 * Scenarios: `stall-stream` stops after the first event, `break-stream` destroys the socket
 * after two, `slow-stream-<ms>` waits between events, `garbage` sends one non-JSON event.
 */
export async function writeChatStream(
  exchange: FakeExchange,
  chunks: readonly Record<string, unknown>[],
  scenario: FakeScenario,
): Promise<void> {
  const { response, signal } = exchange;
  const frames =
    scenario.kind === 'garbage'
      ? ['data: {"id": this is not JSON\n\n']
      : chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`);
  frames.push('data: [DONE]\n\n');
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  response.flushHeaders();
  for (const [position, frame] of frames.entries()) {
    if (scenario.kind === 'stall-stream' && position === 1) return;
    if (scenario.kind === 'break-stream' && position === 2) {
      response.destroy();
      return;
    }
    if (position > 0) {
      const proceed =
        scenario.kind === 'slow-stream'
          ? await waitUnlessAborted(scenario.delayMs, signal)
          : await yieldTurn();
      if (!proceed) return;
    }
    if (signal.aborted) return;
    await writeFrame(response, frame, signal);
  }
  response.end();
}

/** Lets the event loop run between events so each reaches the client on its own. */
async function yieldTurn(): Promise<boolean> {
  await nextTurn();
  return true;
}
