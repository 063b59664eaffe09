import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bus, BusMessage } from '../bus.js';
import { BusError } from '../bus-error.js';
import { createMemoryBus } from '../memory/create-memory-bus.js';
import { createBufferedPublisher } from './create-buffered-publisher.js';
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
});
