import { setTimeout as sleep } from 'node:timers/promises';
import { createUsageConsumerMetrics, startUsageConsumer } from '@switchyard/accounting';
import type { RequestBodies } from '@switchyard/contracts';
import { createDatabase, migrateToLatest } from '@switchyard/db';
import { createLogger, createServiceMetrics } from '@switchyard/telemetry';
import { createFreshPostgresDatabase } from '@switchyard/testing';
import type { CleanupList } from '../processes/create-cleanup-list.js';
import { createBenchNamespace, ensureUsageStream } from './open-bench-bus.js';
import { prepublishUsageEvents } from './prepublish-usage-events.js';
import { machineCpuShares, readCpuMsByCommand, readMachineCpuTicks } from './read-cpu-times.js';
import { type RowSample, steadyRate } from './steady-rate.js';

/** One accounting run's settings. */
export interface AccountingRun {
  readonly batchSize: number;
  readonly loops: number;
  /** Share of events carrying logged bodies, 0–1. */
  readonly bodyShare: number;
}

/** What one accounting run measured. */
export interface AccountingThroughput extends AccountingRun {
  readonly events: number;
  readonly bodiesEvents: number;
  /** Putting the backlog on the stream (not accounting's work). */
  readonly prepublishMs: number;
  /** Consumer started → its first rows committed. */
  readonly firstRowsMs: number | undefined;
  /** Consumer started → every row committed. */
  readonly wallMs: number;
  /** events ÷ wallMs: the sustained rate over the whole backlog, start-up included. */
  readonly eventsPerSecond: number;
  /** Between 10% and 90% of the rows: the rate once the consumer is up. */
  readonly steadyEventsPerSecond: number | undefined;
  /** CPU per event during the run, µs: the consumer (this process), Postgres, NATS. */
  readonly cpuUsPerEvent: {
    readonly accounting: number;
    readonly postgres: number;
    readonly natsServer: number;
  };
  /** Shares of the whole machine's CPU during the run: busy, and waiting on I/O. */
  readonly machineCpu: { readonly busy: number; readonly ioWait: number } | undefined;
  readonly counters: {
    readonly consumed: number;
    readonly inserted: number;
    readonly deadLettered: number;
    readonly insertFailures: number;
  };
  /** Read back from Postgres after the run: ledger rows, Σ daily requests, request-log rows. */
  readonly stored: {
    readonly ledgerRows: number;
    readonly rollupRequests: number;
    readonly bodyRows: number;
  };
}

/** How often the consumer's counters are read. */
const SAMPLE_MS = 50;
/** A run with no new row for this long has failed. */
const STALL_MS = 60_000;

/**
 * Pre-publishes `events` usage events into a fresh stream namespace, then starts accounting's
 * real usage consumer on a fresh migrated database and times it until every event is a row.
 * Everything it made is removed through `cleanups` (run by the caller, also on Ctrl-C).
 */
export async function measureAccountingThroughput(options: {
  run: AccountingRun;
  events: number;
  bodies: RequestBodies;
  databaseUrl: string;
  natsUrl: string;
  runId: string;
  cleanups: CleanupList;
}): Promise<AccountingThroughput> {
  const { run, cleanups } = options;
  const fresh = await createFreshPostgresDatabase(options.databaseUrl);
  cleanups.add(() => fresh.drop());
  const database = createDatabase({ url: fresh.url });
  cleanups.add(() => database.close());
  await migrateToLatest(database.db, 'accounting');
  const namespace = createBenchNamespace(options.natsUrl);
  cleanups.add(() => namespace.deleteStreams());
  const gateway = await namespace.connect('bench-usage-gateway');
  cleanups.add(() => gateway.close());
  await ensureUsageStream(gateway);

  process.stderr.write(`  pre-publishing ${options.events} events …\n`);
  const prepublished = await prepublishUsageEvents({
    bus: gateway,
    runId: options.runId,
    events: options.events,
    bodyShare: run.bodyShare,
    bodies: options.bodies,
  });

  const accounting = await namespace.connect('bench-usage-accounting');
  cleanups.add(() => accounting.close());
  const metrics = createUsageConsumerMetrics(createServiceMetrics('bench-accounting').registry);
  process.stderr.write(
    `  consuming with batch ${run.batchSize}, ${run.loops} loops (prepublished in ${(prepublished.wallMs / 1_000).toFixed(1)} s) …\n`,
  );
  const processesBefore = readCpuMsByCommand(['postgres', 'nats-server']);
  const machineBefore = readMachineCpuTicks();
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const consumer = await startUsageConsumer({
    bus: accounting,
    db: database.db,
    logger: createLogger({ level: 'warn', name: 'bench-accounting', destination: process.stderr }),
    metrics,
    batchSize: run.batchSize,
    concurrency: run.loops,
  });
  cleanups.add(() => consumer.stop());
  const samples = await waitForRows(metrics, options.events, startedAt);
  const wallMs = samples.at(-1)?.ms ?? 0;
  const cpu = process.cpuUsage(cpuBefore);
  const machineAfter = readMachineCpuTicks();
  const processesAfter = readCpuMsByCommand(['postgres', 'nats-server']);
  const perEventUs = (ms: number | undefined) => ((ms ?? 0) * 1_000) / options.events;
  const processDelta = (name: string) => (processesAfter[name] ?? 0) - (processesBefore[name] ?? 0);
  return {
    ...run,
    events: options.events,
    bodiesEvents: prepublished.bodiesEvents,
    prepublishMs: prepublished.wallMs,
    firstRowsMs: samples.find((sample) => sample.rows > 0)?.ms,
    wallMs,
    eventsPerSecond: (options.events / wallMs) * 1_000,
    steadyEventsPerSecond: steadyRate(samples, options.events),
    cpuUsPerEvent: {
      accounting: (cpu.user + cpu.system) / options.events,
      postgres: perEventUs(processDelta('postgres')),
      natsServer: perEventUs(processDelta('nats-server')),
    },
    machineCpu: machineCpuShares(machineBefore, machineAfter),
    counters: {
      consumed: await total(metrics.consumed),
      inserted: await total(metrics.inserted),
      deadLettered: await total(metrics.deadLettered),
      insertFailures: await total(metrics.insertFailures),
    },
    stored: await readStored(database.db),
  };
}

/** A prom-client counter, summed over its labels. */
interface ReadableCounter {
  get(): Promise<{ values: readonly { value: number }[] }>;
}

const total = async (counter: ReadableCounter) =>
  (await counter.get()).values.reduce((sum, value) => sum + value.value, 0);

/** Samples the consumer's inserted-rows counter until it reaches `events`; throws on a stall. */
async function waitForRows(
  metrics: Record<'inserted' | 'deadLettered' | 'insertFailures', ReadableCounter>,
  events: number,
  startedAt: number,
): Promise<RowSample[]> {
  const samples: RowSample[] = [];
  let lastProgressAt = startedAt;
  for (;;) {
    const rows = await total(metrics.inserted);
    const now = performance.now();
    if (rows > (samples.at(-1)?.rows ?? 0)) lastProgressAt = now;
    samples.push({ ms: now - startedAt, rows });
    if (rows >= events) return samples;
    if (now - lastProgressAt > STALL_MS)
      throw new Error(
        `accounting stalled at ${rows} of ${events} rows (dead-lettered: ${await total(metrics.deadLettered)}, insert failures: ${await total(metrics.insertFailures)})`,
      );
    await sleep(SAMPLE_MS);
  }
}

async function readStored(
  db: ReturnType<typeof createDatabase>['db'],
): Promise<AccountingThroughput['stored']> {
  const ledger = await db
    .selectFrom('accounting.usage_events')
    .select((eb) => eb.fn.countAll<string>().as('rows'))
    .executeTakeFirstOrThrow();
  const rollups = await db
    .selectFrom('accounting.usage_daily')
    .select((eb) => eb.fn.sum<string>('requests').as('requests'))
    .executeTakeFirstOrThrow();
  const bodies = await db
    .selectFrom('accounting.request_bodies')
    .select((eb) => eb.fn.countAll<string>().as('rows'))
    .executeTakeFirstOrThrow();
  return {
    ledgerRows: Number(ledger.rows),
    rollupRequests: Number(rollups.requests ?? 0),
    bodyRows: Number(bodies.rows),
  };
}
