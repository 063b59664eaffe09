import { type BufferedPublisher, injectTraceContext, usageSubject } from '@switchyard/bus';
import { toUsageEvent } from './to-usage-event.js';
import type { UsageRecorder } from './usage-recorder.js';

/** Largest event published with bodies: NATS refuses messages over 1 MB by default. */
const MAX_EVENT_BYTES = 768 * 1024;

/**
 * Hands every outcome to the bounded publish buffer as a usage event (message id = request id,
 * trace context in headers) and never waits for NATS: the buffer publishes, retries and drains
 * on shutdown. `next` still sees every outcome (the Prometheus counters). Request-log bodies
 * ride along only while the buffer is nearly empty, so an outage never holds them by the
 * thousand: past `bodiesBufferMax` waiting events they are left off (usage never is), as they
 * are from an event that would be too large for NATS (bodies full of escaped characters).
 */
export function createPublishingUsageRecorder(options: {
  publisher: Pick<BufferedPublisher, 'enqueue' | 'stats'>;
  next: UsageRecorder;
  now: () => number;
  bodiesBufferMax: number;
  onBodiesDropped: () => void;
}): UsageRecorder {
  return {
    record(outcome) {
      options.next.record(outcome);
      const event = toUsageEvent(outcome, options.now());
      if (event.bodies && options.publisher.stats().buffered >= options.bodiesBufferMax) {
        delete event.bodies;
        options.onBodiesDropped();
      }
      let data = Buffer.from(JSON.stringify(event));
      if (event.bodies && data.length > MAX_EVENT_BYTES) {
        delete event.bodies;
        options.onBodiesDropped();
        data = Buffer.from(JSON.stringify(event));
      }
      const headers: Record<string, string> = {};
      // The request's trace goes on with the message: accounting's write joins it.
      injectTraceContext(headers, outcome.traceContext);
      options.publisher.enqueue(usageSubject(event.status), data, {
        msgId: event.request_id,
        headers,
      });
    },
  };
}
