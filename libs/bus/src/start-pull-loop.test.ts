import { describe, expect, it, vi } from 'vitest';
import type { BusMessage } from './bus.js';
import { delay } from './delay.js';
import { startPullLoop } from './start-pull-loop.js';

const message = (text: string): BusMessage => ({
  subject: 's',
  data: new TextEncoder().encode(text),
  headers: {},
  msgId: text,
  deliveryCount: 1,
  maxDeliver: -1,
  ack: () => {},
  nak: () => {},
  term: () => {},
});

describe('startPullLoop', () => {
  it('reports a failing handler and a failing pull, and goes on', async () => {
    const errors: unknown[] = [];
    const handled: string[] = [];
    let pulls = 0;
    const consumer = startPullLoop({
      setUp: async () => {},
      pull: async () => {
        pulls += 1;
        if (pulls === 2) throw new Error('pull failed');
        return pulls <= 4 ? [message(`m${pulls}`)] : [];
      },
      handler: async (batch) => {
        const text = batch[0]?.msgId ?? '';
        if (text === 'm1') throw new Error('handler failed');
        handled.push(text);
      },
      onError: (error) => errors.push(error),
    });
    await vi.waitFor(() => expect(handled).toEqual(['m3', 'm4']));
    await consumer.stop();
    expect(errors.map((error) => (error as Error).message)).toEqual([
      'handler failed',
      'pull failed',
    ]);
  });

  it('sets up again after a failed pull, and is ready after the first set-up', async () => {
    let setUps = 0;
    let pulls = 0;
    const consumer = startPullLoop({
      setUp: async () => {
        setUps += 1;
      },
      pull: async () => {
        pulls += 1;
        if (pulls === 1) throw new Error('consumer deleted');
        await delay(5);
        return [];
      },
      handler: async () => {},
    });
    await consumer.ready;
    await vi.waitFor(() => expect(setUps).toBe(2));
    await consumer.stop();
  });

  it('waits for the handler in flight when stopped', async () => {
    let finished = false;
    let started = false;
    const consumer = startPullLoop({
      setUp: async () => {},
      pull: async () => (started ? [] : [message('slow')]),
      handler: async () => {
        started = true;
        await delay(100);
        finished = true;
      },
    });
    await vi.waitFor(() => expect(started).toBe(true));
    await consumer.stop();
    expect(finished).toBe(true);
  });
});
