import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { waitUnlessAborted } from '../fake-openai/wait-unless-aborted.js';
import { writeFrame } from '../fake-openai/write-frame.js';
import { anthropicErrorBody } from './anthropic-error.js';
import type { AnthropicScenario } from './anthropic-scenario.js';
import type { AnthropicStreamEvent } from './build-anthropic-stream-events.js';

const GARBAGE_FRAMES = [
  'event: message_start\ndata: {"type": this is not JSON\n\n',
  'event: message_stop\ndata: {"type":"message_stop"}\n\n',
];

/**
 * Streams the events as `event: <name>\ndata: <json>\n\n`, one write each. Scenarios:
 * `overloaded-mid-stream` replaces everything after the first text delta with an `error` event
 * (`overloaded_error`), `stall-stream` stops after the first event, `break-stream` destroys the
 * socket after two, `slow-stream-<ms>` waits between events, `garbage` sends an event whose data
 * is not JSON.
 */
export async function writeAnthropicStream(
  exchange: FakeExchange,
  events: readonly AnthropicStreamEvent[],
  scenario: AnthropicScenario,
): Promise<void> {
  const { response, signal } = exchange;
  const frames =
    scenario.kind === 'garbage'
      ? GARBAGE_FRAMES
      : framesOf(events, scenario, response.getHeader('request-id'));
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

function framesOf(
  events: readonly AnthropicStreamEvent[],
  scenario: AnthropicScenario,
  requestId: unknown,
): string[] {
  let kept = events;
  if (scenario.kind === 'overloaded-mid-stream') {
    const firstDelta = events.findIndex((event) => event.event === 'content_block_delta');
    const overloaded = anthropicErrorBody(
      'overloaded_error',
      'Overloaded',
      String(requestId ?? ''),
    );
    kept = [...events.slice(0, firstDelta + 1), { event: 'error', data: overloaded }];
  }
  return kept.map((event) => `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
}

/** Lets the event loop run between events so each reaches the client on its own. */
async function yieldTurn(): Promise<boolean> {
  await nextTurn();
  return true;
}
