import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FakeExchange } from './fake-exchange.js';
import type { CoreFakeScenario } from './fake-scenario.js';
import type { FakeStreamEvent, FakeStreamFraming } from './fake-stream-framing.js';
import { waitUnlessAborted } from './wait-unless-aborted.js';
import { writeFrame } from './write-frame.js';

/**
 * Streams the events in the framing, one write each, then the framing's trailer. Scenarios:
 * `stall-stream` stops after the first frame, `break-stream` destroys the socket after two,
 * `slow-stream-<ms>` waits between frames, `garbage` sends the framing's garbage frames instead.
 */
export async function writeStreamReply(
  exchange: FakeExchange,
  framing: FakeStreamFraming,
  events: readonly FakeStreamEvent[],
  scenario: CoreFakeScenario,
): Promise<void> {
  const { response, signal } = exchange;
  const frames = [
    ...(scenario.kind === 'garbage'
      ? framing.garbage
      : events.map((event) => framing.encode(event))),
    ...framing.trailer,
  ];
  response.writeHead(200, { 'content-type': framing.contentType, 'cache-control': 'no-cache' });
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

/** Lets the event loop run between frames so each reaches the client on its own. */
async function yieldTurn(): Promise<boolean> {
  await nextTurn();
  return true;
}
