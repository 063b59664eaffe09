import type { RequestBodies } from '@switchyard/contracts';
import type { CleanupList } from '../processes/create-cleanup-list.js';
import type { RecordPace } from './drive-records.js';
import { measurePublishCost, type PublishCost } from './measure-publish-cost.js';
import { createBenchNamespace, ensureUsageStream } from './open-bench-bus.js';

/** The stream holds at most this much, oldest dropped: logged bodies add up to GBs otherwise. */
const STREAM_MAX_BYTES = 512 * 1_048_576;

/**
 * What publishing usage costs the gateway: realistic and logged-bodies outcomes, each flat out
 * (as fast as JetStream acks) and paced at `perSecond`, after an unmeasured warm-up of each, on a
 * fresh stream namespace with no consumer.
 */
export async function measureGatewayPublishing(options: {
  natsUrl: string;
  runId: string;
  events: number;
  perSecond: number;
  bodies: RequestBodies;
  cleanups: CleanupList;
}): Promise<PublishCost[]> {
  const namespace = createBenchNamespace(options.natsUrl);
  options.cleanups.add(() => namespace.deleteStreams());
  const bus = await namespace.connect('bench-usage-gateway');
  options.cleanups.add(() => bus.close());
  await ensureUsageStream(bus, STREAM_MAX_BYTES);
  const flatOut: RecordPace = { kind: 'flat-out', highWater: 512 };
  const paced: RecordPace = { kind: 'paced', perSecond: options.perSecond };
  const measure = (
    outcome: PublishCost['outcome'],
    pace: RecordPace,
    events: number,
    label: string,
  ) => {
    process.stderr.write(`  ${label} …\n`);
    return measurePublishCost({
      bus,
      runId: `${options.runId}-${label.replaceAll(' ', '-')}`,
      outcome,
      bodies: options.bodies,
      events,
      pace,
    });
  };
  // V8 optimizes the path only after thousands of calls: the first ones are not measured.
  const warmup = Math.min(options.events, 10_000);
  await measure('realistic', flatOut, warmup, 'warm-up realistic');
  await measure('bodies', flatOut, warmup, 'warm-up bodies');
  const results: PublishCost[] = [];
  for (const outcome of ['realistic', 'bodies'] as const) {
    for (const pace of [flatOut, paced]) {
      results.push(await measure(outcome, pace, options.events, `${outcome} ${pace.kind}`));
    }
  }
  return results;
}
