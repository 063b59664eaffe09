import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useNats } from '@switchyard/testing';
import { Registry } from 'prom-client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bus } from '../bus.js';
import { connectNatsBus } from '../nats/connect-nats-bus.js';
import { deleteNatsStreams } from '../nats/delete-nats-streams.js';
import { startTcpProxy, type TcpProxy } from '../nats/start-tcp-proxy.js';
import { openPublishSpool } from '../spool/open-publish-spool.js';
import { registerPublishSpoolMetrics } from '../spool/register-publish-spool-metrics.js';
import { createBufferedPublisher } from './create-buffered-publisher.js';

const encoder = new TextEncoder();
const settle = { timeout: 15_000, interval: 50 };

// A process "crashes" by being dropped without draining; the next one opens the same directory.
describe('createBufferedPublisher with a spool, over NATS', () => {
  let natsUrl: string;
  let proxy: TcpProxy | undefined;
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    natsUrl = (await useNats()).url;
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await proxy?.close();
    proxy = undefined;
  });

  async function storedIds(direct: Bus, streamName: string, expected: number): Promise<string[]> {
    const ids: string[] = [];
    const consumer = direct.consume(
      {
        stream: streamName,
        durable: `check_${randomUUID().slice(0, 8)}`,
        batchSize: 1_000,
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
    // Anything stored twice would have been fetched with the rest; give a straggler a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await consumer.stop();
    return ids;
  }

  it('publishes, after a crash during an outage, every event exactly once from the spool', async () => {
    proxy = await startTcpProxy(natsUrl);
    const events: string[] = [];
    const bus = await connectNatsBus({
      url: proxy.url,
      name: 'spool-test-crashed',
      maxReconnectDelayMs: 300,
      onDisconnect: () => events.push('disconnect'),
    });
    const direct = await connectNatsBus({ url: natsUrl, name: 'spool-test-direct' });
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    const stream = { name: `SPOOL_${id}`, subject: `spool.${id}.ok` };
    await direct.ensureStream({ name: stream.name, subjects: [`spool.${id}.>`] });
    const directory = mkdtempSync(join(tmpdir(), 'spool-int-'));
    cleanups.push(async () => {
      await direct.close();
      await deleteNatsStreams(natsUrl, [stream.name]);
      rmSync(directory, { recursive: true, force: true });
    });

    const spool = openPublishSpool({ directory, fsyncIntervalMs: 20, maxBytes: 8_000_000 });
    const publisher = createBufferedPublisher({
      bus,
      maxBuffered: 1_000,
      retry: { initialMs: 50, maxMs: 300 },
      spool,
    });
    for (let index = 0; index < 50; index += 1) {
      publisher.enqueue(stream.subject, encoder.encode('before'), { msgId: `before-${index}` });
    }
    expect(await publisher.drain(10_000)).toEqual({ pending: 0 });

    proxy.cut();
    await vi.waitFor(() => expect(events).toEqual(['disconnect']), settle);
    for (let index = 0; index < 200; index += 1) {
      publisher.enqueue(stream.subject, encoder.encode(`{"n":${index}}`), {
        msgId: `during-${index}`,
        headers: { traceparent: `00-${index}` },
      });
    }
    // Ten landed but their acknowledgement never came back before the crash.
    for (let index = 0; index < 10; index += 1) {
      await direct.publish(stream.subject, encoder.encode(`{"n":${index}}`), {
        msgId: `during-${index}`,
      });
    }
    await vi.waitFor(() => expect(publisher.stats().retried).toBeGreaterThan(0), settle);
    // The fsync interval passes, then the process dies: nothing drained, nothing flushed.
    await new Promise((resolve) => setTimeout(resolve, 100));
    publisher.close();
    // Kept on disk for the next process, so not counted as lost.
    expect(publisher.stats()).toMatchObject({ buffered: 0, dropped: 0 });
    await bus.close();
    proxy.restore();

    const registry = new Registry();
    const restarted = openPublishSpool({ directory, fsyncIntervalMs: 20, maxBytes: 8_000_000 });
    registerPublishSpoolMetrics(registry, restarted);
    const nextBus = await connectNatsBus({ url: natsUrl, name: 'spool-test-restarted' });
    cleanups.push(async () => {
      await restarted.close();
      await nextBus.close();
    });
    const nextPublisher = createBufferedPublisher({
      bus: nextBus,
      maxBuffered: 1_000,
      spool: restarted,
    });
    expect(await nextPublisher.drain(10_000)).toEqual({ pending: 0 });
    expect(nextPublisher.stats()).toMatchObject({ published: 200, dropped: 0 });

    const ids = await storedIds(direct, stream.name, 250);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(await registry.metrics()).toContain('switchyard_usage_spool_replayed_total 200');

    // Everything is acknowledged now: the replayed segments go, and a later start finds nothing.
    await restarted.flush();
    expect(restarted.stats().segments).toBeLessThanOrEqual(1);
  });
});
