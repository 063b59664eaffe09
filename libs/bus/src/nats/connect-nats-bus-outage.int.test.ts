import { randomUUID } from 'node:crypto';
import { useNats } from '@switchyard/testing';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectNatsBus } from './connect-nats-bus.js';
import { deleteNatsStreams } from './delete-nats-streams.js';
import { startTcpProxy, type TcpProxy } from './start-tcp-proxy.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const settle = { timeout: 10_000, interval: 20 };

// The shared NATS server is never stopped: a TCP proxy in front of it is cut and restored.
describe('connectNatsBus when NATS goes away', () => {
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

  /** A bus through the proxy and one straight to NATS, with a stream unique to the test. */
  const setUp = async (publishTimeoutMs?: number) => {
    proxy = await startTcpProxy(natsUrl);
    const events: string[] = [];
    const bus = await connectNatsBus({
      url: proxy.url,
      name: 'bus-outage-test',
      onDisconnect: () => events.push('disconnect'),
      onReconnect: () => events.push('reconnect'),
      maxReconnectDelayMs: 500,
      ...(publishTimeoutMs === undefined ? {} : { publishTimeoutMs }),
    });
    const direct = await connectNatsBus({ url: natsUrl, name: 'bus-outage-test-direct' });
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    const stream = { name: `OUTAGE_${id}`, subject: `outage.${id}` };
    await direct.ensureStream({ name: stream.name, subjects: [`${stream.subject}.>`] });
    cleanups.push(async () => {
      await bus.close();
      await direct.close();
      await deleteNatsStreams(natsUrl, [stream.name]);
    });
    return { bus, direct, stream, events };
  };

  it('rejects publishes within a second while down, and publishes again once back', async () => {
    const { bus, stream, events } = await setUp();
    await bus.publish(`${stream.subject}.a`, encoder.encode('before'));
    expect(bus.isConnected()).toBe(true);

    proxy?.cut();
    await vi.waitFor(() => expect(events).toEqual(['disconnect']), settle);
    expect(bus.isConnected()).toBe(false);
    const started = Date.now();
    await expect(
      bus.publish(`${stream.subject}.a`, encoder.encode('during')),
    ).rejects.toMatchObject({ code: 'disconnected', retryable: true });
    await expect(
      bus.broadcast(`${stream.subject}.evict`, encoder.encode('x')),
    ).rejects.toMatchObject({ code: 'disconnected' });
    expect(Date.now() - started).toBeLessThan(1_000);

    proxy?.restore();
    await vi.waitFor(() => expect(events).toEqual(['disconnect', 'reconnect']), settle);
    expect(bus.isConnected()).toBe(true);
    const ack = await bus.publish(`${stream.subject}.a`, encoder.encode('after'));
    expect(ack).toMatchObject({ sequence: 2, duplicate: false });
  });

  it('keeps consuming, subscribing and watching across an outage', async () => {
    const { bus, direct, stream, events } = await setUp();
    const consumed: string[] = [];
    bus.consume(
      {
        stream: stream.name,
        durable: 'outage',
        batchSize: 10,
        maxWaitMs: 1_000,
        ackWaitMs: 5_000,
        maxDeliver: -1,
      },
      async (batch) => {
        for (const message of batch) {
          consumed.push(decoder.decode(message.data));
          message.ack();
        }
      },
    );
    const broadcasts: string[] = [];
    bus.subscribe(`${stream.subject}.evict`, (data) => broadcasts.push(decoder.decode(data)));
    const bucket = `outage_${stream.name.toLowerCase()}`;
    const watched: string[] = [];
    const store = await bus.kv(bucket);
    await store.watch('snapshot', (entry) => {
      if (entry.value !== undefined) watched.push(decoder.decode(entry.value));
    });
    cleanups.push(() => deleteNatsStreams(natsUrl, [`KV_${bucket}`]));

    await direct.publish(`${stream.subject}.a`, encoder.encode('one'));
    await vi.waitFor(() => expect(consumed).toEqual(['one']), settle);

    proxy?.cut();
    await vi.waitFor(() => expect(events).toEqual(['disconnect']), settle);
    await direct.publish(`${stream.subject}.a`, encoder.encode('two'));
    proxy?.restore();
    await vi.waitFor(() => expect(events).toEqual(['disconnect', 'reconnect']), settle);

    await vi.waitFor(() => expect(consumed).toEqual(['one', 'two']), settle);
    const directStore = await direct.kv(bucket);
    await directStore.put('snapshot', encoder.encode('v2'));
    await vi.waitFor(() => expect(watched).toEqual(['v2']), settle);
    await vi.waitFor(async () => {
      await direct.broadcast(`${stream.subject}.evict`, encoder.encode('key-1'));
      expect(broadcasts).toContain('key-1');
    }, settle);
  });

  it('times out a publish the stream does not answer, and fails those in flight on disconnect', async () => {
    const { bus, stream, events } = await setUp(1_000);
    proxy?.stall();
    const started = Date.now();
    await expect(bus.publish(`${stream.subject}.a`, encoder.encode('lost'))).rejects.toMatchObject({
      code: 'timeout',
      retryable: true,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    const inFlight = bus.publish(`${stream.subject}.a`, encoder.encode('cut off'));
    const cutAt = Date.now();
    proxy?.cut();
    await expect(inFlight).rejects.toMatchObject({ code: 'disconnected' });
    expect(Date.now() - cutAt).toBeLessThan(500);
    expect(events).toEqual(['disconnect']);
  });

  it('fails a first connection to an unreachable server quickly', async () => {
    const closed = await startTcpProxy(natsUrl);
    closed.cut();
    const started = Date.now();
    await expect(
      connectNatsBus({ url: closed.url, name: 'bus-unreachable', connectTimeoutMs: 1_000 }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3_000);
    await closed.close();
  });
});
