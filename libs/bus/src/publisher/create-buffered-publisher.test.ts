import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bus, BusMessage } from '../bus.js';
import { BusError } from '../bus-error.js';
import { createMemoryBus } from '../memory/create-memory-bus.js';
import { createBufferedPublisher, type PublishBatching } from './create-buffered-publisher.js';
import { registerBufferedPublisherMetrics } from './register-buffered-publisher-metrics.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const settle = { timeout: 5_000, interval: 10 };

/** A memory bus whose publishes fail like a disconnected NATS bus while `down` is set. */
function flakyBus(bus: Bus) {
  const state = { down: false, attempts: 0 };
  const publish: Bus['publish'] = async (subject, data, options) => {
    state.attempts += 1;
    if (state.down) throw new BusError('disconnected', 'not connected to NATS');
    return bus.publish(subject, data, options);
  };
  return { state, bus: { publish } };
}

describe('createBufferedPublisher', () => {
  const buses: Bus[] = [];
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.close();
  });

  async function setUp() {
    const bus = createMemoryBus();
    buses.push(bus);
    await bus.ensureStream({ name: 'TEST', subjects: ['test.>'] });
    const received: string[] = [];
    bus.consume(
      {
        stream: 'TEST',
        durable: 'reader',
        batchSize: 100,
        maxWaitMs: 20,
        ackWaitMs: 1_000,
        maxDeliver: -1,
      },
      async (batch: BusMessage[]) => {
        for (const message of batch) {
          received.push(decoder.decode(message.data));
          message.ack();
        }
      },
    );
    return { bus, received, flaky: flakyBus(bus) };
  }

  it('publishes after the caller returns, not on its stack', async () => {
    const { received, flaky } = await setUp();
    const publisher = createBufferedPublisher({ bus: flaky.bus, maxBuffered: 10 });
    expect(publisher.enqueue('test.a', encoder.encode('one'), { msgId: 'r1' })).toBe(true);
    expect(flaky.state.attempts).toBe(0);
    expect(publisher.stats()).toEqual({ buffered: 1, published: 0, retried: 0, dropped: 0 });
    expect(await publisher.drain(1_000)).toEqual({ pending: 0 });
    await vi.waitFor(() => expect(received).toEqual(['one']), settle);
    expect(publisher.stats()).toEqual({ buffered: 0, published: 1, retried: 0, dropped: 0 });
  });

  it('holds events while the bus is down, retries with backoff, and publishes all in order once back', async () => {
    const { received, flaky } = await setUp();
    const publisher = createBufferedPublisher({
      bus: flaky.bus,
      maxBuffered: 100,
      concurrency: 1,
      retry: { initialMs: 5, maxMs: 20 },
    });
    flaky.state.down = true;
    for (let index = 0; index < 20; index += 1) {
      publisher.enqueue('test.a', encoder.encode(`e${index}`), { msgId: `id-${index}` });
    }
    await vi.waitFor(() => expect(publisher.stats().retried).toBeGreaterThanOrEqual(3), settle);
    expect(publisher.stats()).toMatchObject({ buffered: 20, published: 0, dropped: 0 });
    flaky.state.down = false;
    expect(await publisher.drain(5_000)).toEqual({ pending: 0 });
    await vi.waitFor(() => expect(received).toHaveLength(20), settle);
    expect(received).toEqual(Array.from({ length: 20 }, (_, index) => `e${index}`));
    expect(publisher.stats()).toMatchObject({ buffered: 0, published: 20, dropped: 0 });
  });

  it('drops past the bound and says so, and counts on /metrics', async () => {
    const { flaky } = await setUp();
    const dropped: string[] = [];
    const publisher = createBufferedPublisher({
      bus: flaky.bus,
      maxBuffered: 3,
      retry: { initialMs: 5, maxMs: 10 },
      onDrop: (message) => dropped.push(`${message.msgId}:${message.reason}`),
    });
    flaky.state.down = true;
    const accepted = [1, 2, 3, 4, 5].map((index) =>
      publisher.enqueue('test.a', encoder.encode('x'), { msgId: `id-${index}` }),
    );
    expect(accepted).toEqual([true, true, true, false, false]);
    expect(dropped).toEqual(['id-4:full', 'id-5:full']);

    const registry = new Registry();
    registerBufferedPublisherMetrics(registry, publisher);
    await vi.waitFor(() => expect(publisher.stats().retried).toBeGreaterThan(0), settle);
    flaky.state.down = false;
    await publisher.drain(2_000);
    const text = await registry.metrics();
    expect(text).toContain('switchyard_usage_events_buffered 0');
    expect(text).toContain('switchyard_usage_events_published_total 3');
    expect(text).toContain('switchyard_usage_events_dropped_total 2');
    expect(text).toMatch(/switchyard_usage_events_retried_total [1-9]/);
    // Counters keep their totals across scrapes.
    expect(await registry.metrics()).toContain('switchyard_usage_events_published_total 3');
  });

  it('gives up on a publish that can never succeed, and on what is buffered at close', async () => {
    const dropped: string[] = [];
    const publisher = createBufferedPublisher({
      bus: {
        publish: async () => {
          throw new BusError('invalid_argument', 'bad subject');
        },
      },
      maxBuffered: 10,
      onDrop: (message) => dropped.push(message.reason),
    });
    publisher.enqueue('bad', encoder.encode('x'));
    expect(await publisher.drain(1_000)).toEqual({ pending: 0 });
    expect(dropped).toEqual(['rejected']);

    const never = createBufferedPublisher({
      bus: { publish: () => new Promise(() => {}) },
      maxBuffered: 10,
      concurrency: 1,
    });
    never.enqueue('a', encoder.encode('1'));
    never.enqueue('a', encoder.encode('2'));
    expect(await never.drain(50)).toEqual({ pending: 2 });
    never.close();
    expect(never.stats()).toMatchObject({ buffered: 1, dropped: 1 });
    expect(never.enqueue('a', encoder.encode('3'))).toBe(false);
  });

  it('goes on with what waits after a publish that can never succeed, one in flight at a time', async () => {
    const published: string[] = [];
    const dropped: string[] = [];
    const publisher = createBufferedPublisher({
      bus: {
        publish: async (subject, data) => {
          if (subject === 'bad') throw new BusError('invalid_argument', 'bad subject');
          published.push(decoder.decode(data));
          return { stream: 'TEST', sequence: published.length, duplicate: false };
        },
      },
      maxBuffered: 10,
      concurrency: 1,
      onDrop: (message) => dropped.push(message.reason),
    });
    publisher.enqueue('bad', encoder.encode('x'));
    publisher.enqueue('test.a', encoder.encode('one'));
    publisher.enqueue('test.a', encoder.encode('two'));
    expect(await publisher.drain(1_000)).toEqual({ pending: 0 });
    expect(published).toEqual(['one', 'two']);
    expect(dropped).toEqual(['rejected']);
  });

  describe('batching', () => {
    /** Joins messages as `[a|b|c]` under `test.batch`, with a message id naming the first. */
    const batch: PublishBatching = {
      maxMessages: 3,
      maxBytes: 8,
      intervalMs: 0,
      combine: (messages) => ({
        subject: 'test.batch',
        data: encoder.encode(
          `[${messages.map((message) => decoder.decode(message.data)).join('|')}]`,
        ),
        options: { msgId: `batch-of-${messages[0]?.options.msgId}` },
      }),
    };

    /** A bus recording each publish, failing while `down`, acking when `release` is called. */
    function recordingBus() {
      const state = { down: false, published: [] as string[], msgIds: [] as string[] };
      const releases: Array<() => void> = [];
      const bus: Pick<Bus, 'publish'> = {
        publish: (subject, data, options) => {
          state.msgIds.push(options?.msgId ?? '');
          if (state.down) return Promise.reject(new BusError('disconnected', 'not connected'));
          state.published.push(`${subject} ${decoder.decode(data)}`);
          return new Promise((resolve) => {
            releases.push(() => resolve({ stream: 'TEST', sequence: 1, duplicate: false }));
          });
        },
      };
      const release = () => {
        for (const resolve of releases.splice(0)) resolve();
      };
      return { state, bus, release, pending: () => releases.length };
    }

    it('sends what waits together as one publish, within the count and byte limits, and a lone message as it is', async () => {
      const { state, bus, release } = recordingBus();
      const acknowledged: string[] = [];
      const publisher = createBufferedPublisher({
        bus,
        maxBuffered: 100,
        concurrency: 1,
        batch,
        spool: { recovered: [], append: () => true, acknowledge: (id) => acknowledged.push(id) },
      });
      publisher.enqueue('test.a', encoder.encode('a'), { msgId: 'a' });
      await vi.waitFor(() => expect(state.published).toEqual(['test.a a']), settle);
      // While that publish awaits its ack, six more arrive; 'e' and 'lengthy' fill the 8 bytes.
      for (const text of ['b', 'c', 'd', 'e', 'lengthy', 'f']) {
        publisher.enqueue('test.a', encoder.encode(text), { msgId: text });
      }
      expect(publisher.stats()).toMatchObject({ buffered: 7, published: 0 });
      for (let round = 0; round < 4; round += 1) {
        await vi.waitFor(() => expect(state.published).toHaveLength(round + 1), settle);
        release();
      }
      await vi.waitFor(() => expect(publisher.stats().buffered).toBe(0), settle);
      expect(state.published).toEqual([
        'test.a a',
        'test.batch [b|c|d]',
        'test.batch [e|lengthy]',
        'test.a f',
      ]);
      expect(state.msgIds).toEqual(['a', 'batch-of-b', 'batch-of-e', 'f']);
      expect(publisher.stats()).toEqual({ buffered: 0, published: 7, retried: 0, dropped: 0 });
      // The spool hears of every message the stream took, not of the batches.
      expect(acknowledged).toEqual(['a', 'b', 'c', 'd', 'e', 'lengthy', 'f']);
    });

    it('retries a failed batch whole, under the same message id, and drops its messages one by one', async () => {
      const { state, bus, release } = recordingBus();
      const dropped: string[] = [];
      const publisher = createBufferedPublisher({
        bus,
        maxBuffered: 100,
        concurrency: 1,
        batch,
        retry: { initialMs: 5, maxMs: 10 },
        onDrop: (message) => dropped.push(`${message.msgId}:${message.reason}`),
      });
      state.down = true;
      for (const text of ['a', 'b', 'c', 'd']) {
        publisher.enqueue('test.a', encoder.encode(text), { msgId: text });
      }
      await vi.waitFor(() => expect(publisher.stats().retried).toBeGreaterThanOrEqual(2), settle);
      expect(new Set(state.msgIds)).toEqual(new Set(['batch-of-a']));
      expect(publisher.stats()).toMatchObject({ buffered: 4, published: 0, dropped: 0 });
      state.down = false;
      await vi.waitFor(() => expect(state.published).toEqual(['test.batch [a|b|c]']), settle);
      release();
      await vi.waitFor(() => expect(state.published).toHaveLength(2), settle);
      expect(state.published[1]).toBe('test.a d');
      expect(publisher.stats()).toMatchObject({ buffered: 1, published: 3 });

      // Closing with a batch back in the queue counts each of its messages as dropped.
      state.down = true;
      publisher.enqueue('test.a', encoder.encode('e'), { msgId: 'e' });
      publisher.enqueue('test.a', encoder.encode('f'), { msgId: 'f' });
      release();
      await vi.waitFor(() => expect(state.msgIds).toContain('batch-of-e'), settle);
      publisher.close();
      expect(dropped).toEqual(['e:closed', 'f:closed']);
      expect(publisher.stats()).toMatchObject({ buffered: 0, published: 4, dropped: 2 });
    });

    it('starts publishes at most every intervalMs while messages keep coming, and the first after a quiet spell at once', async () => {
      const { state, bus, release } = recordingBus();
      const startedAt: number[] = [];
      const timed: Pick<Bus, 'publish'> = {
        publish: (subject, data, options) => {
          startedAt.push(performance.now());
          return bus.publish(subject, data, options);
        },
      };
      const publisher = createBufferedPublisher({
        bus: timed,
        maxBuffered: 100,
        concurrency: 1,
        batch: { ...batch, maxMessages: 10, maxBytes: 100, intervalMs: 200 },
      });
      publisher.enqueue('test.a', encoder.encode('a'), { msgId: 'a' });
      await vi.waitFor(() => expect(state.published).toEqual(['test.a a']), settle);
      release();
      // Acked at once, but the next publish waits out the interval and takes all that came.
      for (const text of ['b', 'c', 'd']) {
        publisher.enqueue('test.a', encoder.encode(text), { msgId: text });
        await new Promise((resolve) => setImmediate(resolve));
      }
      await vi.waitFor(() => expect(state.published).toHaveLength(2), settle);
      expect(state.published[1]).toBe('test.batch [b|c|d]');
      expect((startedAt[1] ?? 0) - (startedAt[0] ?? 0)).toBeGreaterThanOrEqual(195);
      release();
      await vi.waitFor(() => expect(publisher.stats().buffered).toBe(0), settle);
      // Quiet for longer than the interval: the next message goes without waiting.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const before = performance.now();
      publisher.enqueue('test.a', encoder.encode('e'), { msgId: 'e' });
      await vi.waitFor(() => expect(state.published).toHaveLength(3), settle);
      expect((startedAt[2] ?? 0) - before).toBeLessThan(150);
      expect(state.published[2]).toBe('test.a e');
    });

    it('sends a full batch at once, by count or by bytes, interval or not, up to concurrency in flight', async () => {
      const { state, bus, release } = recordingBus();
      const publisher = createBufferedPublisher({
        bus,
        maxBuffered: 100,
        concurrency: 3,
        batch: { ...batch, maxMessages: 3, maxBytes: 4, intervalMs: 60_000 },
      });
      publisher.enqueue('test.a', encoder.encode('a'), { msgId: 'a' });
      await vi.waitFor(() => expect(state.published).toEqual(['test.a a']), settle);
      // Within the interval: a batch full by count and one full by bytes go (three in flight).
      for (const text of ['b', 'c', 'd', 'ee', 'ff', 'g']) {
        publisher.enqueue('test.a', encoder.encode(text), { msgId: text });
      }
      await vi.waitFor(() => expect(state.published).toHaveLength(3), settle);
      expect(state.published).toEqual(['test.a a', 'test.batch [b|c|d]', 'test.batch [ee|ff]']);
      // With every slot free again, the lone 'g' still waits for the interval.
      release();
      await vi.waitFor(() => expect(publisher.stats().published).toBe(6), settle);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(state.published).toHaveLength(3);
      expect(publisher.stats()).toMatchObject({ buffered: 1, published: 6 });
      publisher.close();
    });
  });
});
