import { type Bus, createBufferedPublisher } from '@switchyard/bus';
import type { RequestBodies } from '@switchyard/contracts';
import type { RequestOutcome } from '@switchyard/gateway';
import { toUsageEvent, USAGE_PUBLISHING } from '@switchyard/gateway';
import { createBenchUsageRecorder } from './create-bench-usage-recorder.js';
import { driveRecords, type RecordPace } from './drive-records.js';
import { makeBenchOutcome } from './make-bench-outcome.js';

/** What publishing usage cost the gateway's process in one measurement. */
export interface PublishCost {
  /** `realistic`: no bodies; `bodies`: every request logged with its bodies. */
  readonly outcome: 'realistic' | 'bodies';
  readonly pace: RecordPace;
  readonly events: number;
  /** First record → the buffer drained (every event acked by JetStream). */
  readonly wallMs: number;
  readonly publishedPerSecond: number;
  /** CPU to build the event and its JSON bytes alone (no publisher), per event, µs. */
  readonly buildCpuUsPerEvent: number;
  /** CPU inside `record` (event, JSON, enqueue) per event, µs: the request path's share. */
  readonly recordCpuUsPerEvent: number;
  /** The process's CPU from first record to drained, per event, µs: enqueue + publish + acks. */
  readonly totalCpuUsPerEvent: number;
  /** The kernel's share of the total (socket writes and reads, event-loop wake-ups), µs. */
  readonly systemCpuUsPerEvent: number;
  /**
   * Paced: what the process spends over the same time with the pacing loop recording nothing
   * (its 10 ms wake-ups, the idle NATS connection), per event, µs; 0 flat out.
   */
  readonly baselineCpuUsPerEvent: number;
  /** Total minus baseline: what publishing itself costs per event, µs. */
  readonly netCpuUsPerEvent: number;
  /** Mean size of one published message, bytes. */
  readonly meanMessageBytes: number;
  readonly bodiesDropped: number;
  readonly dropped: number;
  readonly retried: number;
}

/** Gateway publish defaults: `SWITCHYARD_USAGE_BUFFER_MAX` and `…_REQUEST_LOG_BUFFER_MAX`. */
const USAGE_BUFFER_MAX = 100_000;
const REQUEST_LOG_BUFFER_MAX = 1_000;

/**
 * Records `events` outcomes as the gateway does (usage event, JSON, buffered publisher with the
 * gateway's settings) on `bus`, and waits until all are published. The bus's stream must exist.
 */
export async function measurePublishCost(options: {
  bus: Pick<Bus, 'publish'>;
  runId: string;
  outcome: PublishCost['outcome'];
  bodies: RequestBodies;
  events: number;
  pace: RecordPace;
}): Promise<PublishCost> {
  let bytes = 0;
  const bus: Pick<Bus, 'publish'> = {
    publish: (subject, data, publishOptions) => {
      bytes += data.byteLength;
      return options.bus.publish(subject, data, publishOptions);
    },
  };
  const publisher = createBufferedPublisher({
    bus,
    maxBuffered: USAGE_BUFFER_MAX,
    ...USAGE_PUBLISHING,
  });
  const recorder = createBenchUsageRecorder({
    publisher,
    now: Date.now,
    bodiesBufferMax: REQUEST_LOG_BUFFER_MAX,
  });
  const bodies = options.outcome === 'bodies' ? options.bodies : undefined;
  const startedAt = Date.now();
  // Made before the clock starts: making them is the bench's work, not the gateway's.
  const outcomes = Array.from({ length: options.events }, (_, index) =>
    makeBenchOutcome(options.runId, index, startedAt, bodies),
  );
  const buildCpuUs = measureBuildCpu(outcomes);
  const baselineUsPerSecond =
    options.pace.kind === 'paced' ? await measurePacingBaseline(options.pace, outcomes) : 0;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const { recordCpuUs } = await driveRecords({
    count: options.events,
    outcomeAt: (index) => outcomes[index] ?? makeBenchOutcome(options.runId, index, startedAt),
    record: (outcome) => recorder.record(outcome),
    buffered: () => publisher.stats().buffered,
    pace: options.pace,
  });
  const { pending } = await publisher.drain(120_000);
  const cpu = process.cpuUsage(cpuStart);
  const wallMs = performance.now() - wallStart;
  publisher.close();
  const stats = publisher.stats();
  if (pending > 0) throw new Error(`${pending} usage events were still unpublished after 120 s`);
  const totalCpuUsPerEvent = (cpu.user + cpu.system) / options.events;
  const baselineCpuUsPerEvent = (baselineUsPerSecond * wallMs) / 1_000 / options.events;
  return {
    outcome: options.outcome,
    pace: options.pace,
    events: options.events,
    wallMs,
    publishedPerSecond: (stats.published / wallMs) * 1_000,
    buildCpuUsPerEvent: buildCpuUs / options.events,
    recordCpuUsPerEvent: recordCpuUs / options.events,
    totalCpuUsPerEvent,
    systemCpuUsPerEvent: cpu.system / options.events,
    baselineCpuUsPerEvent,
    netCpuUsPerEvent: totalCpuUsPerEvent - baselineCpuUsPerEvent,
    meanMessageBytes: bytes / Math.max(1, stats.published + stats.retried),
    bodiesDropped: recorder.bodiesDropped(),
    dropped: stats.dropped,
    retried: stats.retried,
  };
}

/** CPU (µs) to turn every outcome into its message bytes, as `record` does, without publishing. */
function measureBuildCpu(outcomes: readonly RequestOutcome[]): number {
  let sink = 0;
  const before = process.cpuUsage();
  for (const outcome of outcomes) {
    sink += Buffer.from(JSON.stringify(toUsageEvent(outcome, Date.now()))).byteLength;
  }
  const spent = process.cpuUsage(before);
  if (sink === 0) throw new Error('no bytes were built');
  return spent.user + spent.system;
}

/** CPU per second (µs) of the paced loop when it records nothing, over two seconds. */
async function measurePacingBaseline(
  pace: Extract<RecordPace, { kind: 'paced' }>,
  outcomes: readonly RequestOutcome[],
): Promise<number> {
  const first = outcomes[0];
  if (first === undefined) return 0;
  const before = process.cpuUsage();
  const startedAt = performance.now();
  await driveRecords({
    count: pace.perSecond * 2,
    outcomeAt: () => first,
    record: () => undefined,
    buffered: () => 0,
    pace,
  });
  const spent = process.cpuUsage(before);
  return ((spent.user + spent.system) / (performance.now() - startedAt)) * 1_000;
}
