import { type BufferedPublisher, injectTraceContext, usageSubject } from '@switchyard/bus';
import { toUsageEvent } from './to-usage-event.js';
import type { UsageRecorder } from './usage-recorder.js';

/**
 * Hands every outcome to the bounded publish buffer as a usage event (message id = request id,
 * trace context in headers) and never waits for NATS: the buffer publishes, retries and drains
 * on shutdown. `next` still sees every outcome (the Prometheus counters).
 */
export function createPublishingUsageRecorder(options: {
  publisher: Pick<BufferedPublisher, 'enqueue'>;
  next: UsageRecorder;
  now: () => number;
}): UsageRecorder {
  return {
    record(outcome) {
      options.next.record(outcome);
      const event = toUsageEvent(outcome, options.now());
      const headers: Record<string, string> = {};
      // The request's trace goes on with the message: accounting's write joins it.
      injectTraceContext(headers, outcome.traceContext);
      options.publisher.enqueue(usageSubject(event.status), Buffer.from(JSON.stringify(event)), {
        msgId: event.request_id,
        headers,
      });
    },
  };
}
