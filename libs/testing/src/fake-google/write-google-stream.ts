import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { waitUnlessAborted } from '../fake-openai/wait-unless-aborted.js';
import { writeFrame } from '../fake-openai/write-frame.js';
import type { FakeGoogleScenario } from './fake-google-scenario.js';

/**
 * Streams the events as Gemini does with `alt=sse`: `data: {json}\r\n\r\n` per event, one write
 * each, and no `[DONE]` — the body just ends. Scenarios: `stall-stream` stops after the first
 * event, `break-stream` destroys the socket after two, `slow-stream-<ms>` waits between events,
 * `garbage` sends one event that is not JSON.
 */
export async function writeGoogleStream(
  exchange: FakeExchange,
  events: readonly Record<string, unknown>[],
  scenario: FakeGoogleScenario,
): Promise<void> {
  const { response, signal } = exchange;
  const frames =
    scenario.kind === 'garbage'
      ? ['data: {"candidates": [this is not JSON\r\n\r\n']
      : events.map((event) => `data: ${JSON.stringify(event)}\r\n\r\n`);
  response.writeHead(200, {
    'content-type': 'text/event-stream',
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
          : await nextTurn().then(() => true);
      if (!proceed) return;
    }
    if (signal.aborted) return;
    await writeFrame(response, frame, signal);
  }
  response.end();
}
