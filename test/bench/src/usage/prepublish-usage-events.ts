import { type Bus, createBufferedPublisher } from '@switchyard/bus';
import type { RequestBodies } from '@switchyard/contracts';
import { USAGE_PUBLISHING } from '@switchyard/gateway';
import { createBenchUsageRecorder } from './create-bench-usage-recorder.js';
import { driveRecords } from './drive-records.js';
import { makeBenchOutcome } from './make-bench-outcome.js';

/** Whether the `index`-th event of a run carries bodies: `share` of them, evenly spread. */
export function carriesBodies(index: number, share: number): boolean {
  return Math.floor((index + 1) * share) > Math.floor(index * share);
}

/**
 * Publishes `events` usage events the way busy gateways do (usage batches of the same event bytes),
 * `bodyShare` of them with `bodies`, as fast as JetStream takes them; resolves once all are
 * stored. Many publishes in flight: this is many gateways' worth of backlog, not one gateway.
 */
export async function prepublishUsageEvents(options: {
  bus: Pick<Bus, 'publish'>;
  runId: string;
  events: number;
  bodyShare: number;
  bodies: RequestBodies;
}): Promise<{ wallMs: number; bodiesEvents: number }> {
  const publisher = createBufferedPublisher({
    bus: options.bus,
    maxBuffered: options.events,
    concurrency: 128,
    // As busy gateways send them: usage batches of what waited together.
    batch: { ...USAGE_PUBLISHING.batch, intervalMs: 0 },
  });
  const recorder = createBenchUsageRecorder({
    publisher,
    now: Date.now,
    bodiesBufferMax: Number.POSITIVE_INFINITY,
  });
  const startedAt = Date.now();
  let bodiesEvents = 0;
  const wallStart = performance.now();
  await driveRecords({
    count: options.events,
    outcomeAt: (index) => {
      const logged = carriesBodies(index, options.bodyShare);
      if (logged) bodiesEvents += 1;
      return makeBenchOutcome(options.runId, index, startedAt, logged ? options.bodies : undefined);
    },
    record: (outcome) => recorder.record(outcome),
    buffered: () => publisher.stats().buffered,
    pace: { kind: 'flat-out', highWater: 4_096 },
  });
  const { pending } = await publisher.drain(300_000);
  const wallMs = performance.now() - wallStart;
  publisher.close();
  const stats = publisher.stats();
  if (pending > 0 || stats.dropped > 0 || stats.published !== options.events)
    throw new Error(
      `pre-publishing failed: ${stats.published} of ${options.events} published, ${stats.dropped} dropped`,
    );
  return { wallMs, bodiesEvents };
}
