import {
  type Bus,
  createBufferedPublisher,
  openPublishSpool,
  type PublishSpool,
  registerBufferedPublisherMetrics,
  registerPublishSpoolMetrics,
} from '@switchyard/bus';
import type { FastifyBaseLogger } from 'fastify';
import { Counter, type Registry } from 'prom-client';
import { DEFAULT_REQUEST_LOG_BUFFER_MAX, type GatewayConfig } from './config.js';
import { createGenAiUsageRecorder } from './usage/create-gen-ai-usage-recorder.js';
import { createMetricsUsageRecorder } from './usage/create-metrics-usage-recorder.js';
import { createPublishingUsageRecorder } from './usage/create-publishing-usage-recorder.js';
import { USAGE_PUBLISHING } from './usage/usage-publishing.js';
import type { UsageRecorder } from './usage/usage-recorder.js';

/**
 * Where outcomes go: Prometheus counters always, and with a bus, usage events through a bounded
 * buffer (`switchyard_usage_events_*` on /metrics), also written to the spool directory when one
 * is configured (`switchyard_usage_spool_*`), whose leftovers from a crash are published first.
 * `drain` publishes what is left at shutdown; what cannot be stays in the spool.
 */
export function buildUsageRecorder(
  config: GatewayConfig,
  bus: Bus | undefined,
  context: { registry: Registry; logger: FastifyBaseLogger; now: () => number },
): { recorder: UsageRecorder; drain(): Promise<void> } {
  const counters = createMetricsUsageRecorder(context.registry);
  const genAi = createGenAiUsageRecorder(context.registry);
  const metrics: UsageRecorder = {
    record(outcome) {
      counters.record(outcome);
      genAi.record(outcome);
    },
  };
  if (bus === undefined) return { recorder: metrics, drain: async () => undefined };
  const spool = openUsageSpool(config, context);
  const publisher = createBufferedPublisher({
    bus,
    ...(spool === undefined ? {} : { spool }),
    maxBuffered: config.access?.usageBufferMax ?? 100_000,
    ...USAGE_PUBLISHING,
    onDrop: (dropped) =>
      context.logger.error({ dropped }, 'usage event dropped: the publish buffer is full'),
    onError: (error) => context.logger.warn({ err: error }, 'usage event publish failed; retrying'),
  });
  registerBufferedPublisherMetrics(context.registry, publisher);
  const bodiesDropped = new Counter({
    name: 'switchyard_request_log_bodies_dropped_total',
    help: 'Request-log bodies left off usage events because the publish buffer was backed up or the event would exceed NATS limits (the usage itself was kept).',
    registers: [context.registry],
  });
  return {
    recorder: createPublishingUsageRecorder({
      publisher,
      next: metrics,
      now: context.now,
      bodiesBufferMax: config.access?.requestLogBufferMax ?? DEFAULT_REQUEST_LOG_BUFFER_MAX,
      onBodiesDropped: () => bodiesDropped.inc(),
    }),
    async drain() {
      const { pending } = await publisher.drain(config.access?.usageDrainTimeoutMs ?? 10_000);
      if (pending > 0) {
        if (spool === undefined) {
          context.logger.error({ pending }, 'usage events still unpublished at shutdown');
        } else {
          context.logger.warn(
            { pending, directory: config.access?.usageSpoolDir },
            'usage events still unpublished at shutdown, kept in the spool for the next start',
          );
        }
      }
      publisher.close();
      await spool?.close();
    },
  };
}

/** The spool of the configured directory, recovered, with its metrics and a word on the replay. */
function openUsageSpool(
  config: GatewayConfig,
  context: { registry: Registry; logger: FastifyBaseLogger },
): PublishSpool | undefined {
  const directory = config.access?.usageSpoolDir;
  if (directory === undefined) return undefined;
  const spool = openPublishSpool({
    directory,
    fsyncIntervalMs: config.access?.usageSpoolFsyncMs ?? 100,
    maxBytes: config.access?.usageSpoolMaxBytes ?? 268_435_456,
    onError: (error) => context.logger.error({ err: error, directory }, 'usage spool write failed'),
  });
  registerPublishSpoolMetrics(context.registry, spool);
  const { replayed, damagedSegments } = spool.stats();
  if (replayed > 0 || damagedSegments > 0) {
    context.logger.warn(
      { replayed, damagedSegments, directory },
      'usage spool: republishing events a previous process left unacknowledged',
    );
  }
  return spool;
}
