import { randomUUID } from 'node:crypto';
import { useNats } from '@switchyard/testing';
import { Registry } from 'prom-client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bus } from '../bus.js';
import { connectNatsBus } from '../nats/connect-nats-bus.js';
import { deleteNatsStreams } from '../nats/delete-nats-streams.js';
import { startTcpProxy, type TcpProxy } from '../nats/start-tcp-proxy.js';
import { createBufferedPublisher } from './create-buffered-publisher.js';
import { registerBufferedPublisherMetrics } from './register-buffered-publisher-metrics.js';

const encoder = new TextEncoder();
const settle = { timeout: 15_000, interval: 50 };

// NATS itself keeps running: a TCP proxy between the bus and NATS is cut and restored.
describe('createBufferedPublisher over NATS', () => {
  let natsUrl: string;
  let proxy: TcpProxy | undefined;
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    natsUrl = (await useNats()).url;
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    await proxy?.close();
    proxy = undefined;
  });

  async function setUp() {
    proxy = await startTcpProxy(natsUrl);
    const events: string[] = [];
    const bus = await connectNatsBus({
      url: proxy.url,
      name: 'buffered-publisher-test',
      maxReconnectDelayMs: 300,
      onDisconnect: () => events.push('disconnect'),
      onReconnect: () => events.push('reconnect'),
    });
    const direct = await connectNatsBus({ url: natsUrl, name: 'buffered-publisher-direct' });
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    const stream = { name: `BUFFERED_${id}`, subject: `buffered.${id}.a` };
    await direct.ensureStream({ name: stream.name, subjects: [`buffered.${id}.>`] });
    cleanups.push(async () => {
      await bus.close();
      await direct.close();
      await deleteNatsStreams(natsUrl, [stream.name]);
    });
    return { bus, direct, stream, events };
  }

  async function storedIds(direct: Bus, streamName: string, expected: number): Promise<string[]> {
    const ids: string[] = [];
    const consumer = direct.consume(
      {
        stream: streamName,
        durable: `check_${randomUUID().slice(0, 8)}`,
        batchSize: 500,
        maxWaitMs: 1_000,
        ackWaitMs: 30_000,
        maxDeliver: -1,
      },
      async (batch) => {
        for (const message of batch) {
          ids.push(message.msgId ?? '');
          message.ack();
        }
      },
    );
    await vi.waitFor(() => expect(ids.length).toBeGreaterThanOrEqual(expected), settle);
    await consumer.stop();
    return ids;
  }

  it('publishes everything enqueued while connected, each with its message id', async () => {
    const { bus, direct, stream } = await setUp();
    const publisher = createBufferedPublisher({ bus, maxBuffered: 1_000 });
    for (let index = 0; index < 300; index += 1) {
      expect(
        publisher.enqueue(stream.subject, encoder.encode(`{"n":${index}}`), {
          msgId: `r-${index}`,
        }),
      ).toBe(true);
    }
    expect(await publisher.drain(10_000)).toEqual({ pending: 0 });
    expect(publisher.stats()).toEqual({ buffered: 0, published: 300, retried: 0, dropped: 0 });
    const ids = await storedIds(direct, stream.name, 300);
    expect(new Set(ids).size).toBe(300);
  });

  it('buffers through an outage and publishes all of it when NATS returns; drops only past the bound', async () => {
    const { bus, direct, stream, events } = await setUp();
    const registry = new Registry();
    const publisher = createBufferedPublisher({
      bus,
      maxBuffered: 250,
      retry: { initialMs: 50, maxMs: 500 },
    });
    registerBufferedPublisherMetrics(registry, publisher);
    for (let index = 0; index < 50; index += 1) {
      publisher.enqueue(stream.subject, encoder.encode('before'), { msgId: `before-${index}` });
    }
    await publisher.drain(5_000);

    proxy?.cut();
    await vi.waitFor(() => expect(events).toEqual(['disconnect']), settle);
    const accepted: boolean[] = [];
    for (let index = 0; index < 260; index += 1) {
      accepted.push(
        publisher.enqueue(stream.subject, encoder.encode('during'), { msgId: `during-${index}` }),
      );
    }
    expect(accepted.filter(Boolean)).toHaveLength(250);
    await vi.waitFor(() => expect(publisher.stats().retried).toBeGreaterThan(0), settle);
    expect(await publisher.drain(300)).toEqual({ pending: 250 });

    proxy?.restore();
    await vi.waitFor(() => expect(events).toEqual(['disconnect', 'reconnect']), settle);
    expect(await publisher.drain(10_000)).toEqual({ pending: 0 });
    expect(publisher.stats()).toMatchObject({ buffered: 0, published: 300, dropped: 10 });

    const ids = await storedIds(direct, stream.name, 300);
    expect(new Set(ids).size).toBe(300);
    expect(ids.filter((id) => id.startsWith('during-'))).toHaveLength(250);
    const text = await registry.metrics();
    expect(text).toContain('switchyard_usage_events_published_total 300');
    expect(text).toContain('switchyard_usage_events_dropped_total 10');
    expect(text).toContain('switchyard_usage_events_buffered 0');
  });
});
