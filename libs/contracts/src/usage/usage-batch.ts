import { z } from 'zod';

/** Most events one usage batch carries. */
export const USAGE_BATCH_MAX_EVENTS = 256;

/**
 * Usage batch v1: several usage events v1 in one message on `usage.v1.batch`, so a busy gateway
 * publishes (and JetStream acks) one message per batch instead of one per request. `events` are
 * usage events v1, each checked on its own by the consumer (one bad event never holds back the
 * rest); `headers[i]` is the trace context of `events[i]` (W3C `traceparent`, `tracestate`).
 * The message id is the batch's own; the ledger stays exactly-once by each event's request id.
 * Consumers of usage accept both a single event and a batch.
 */
export const usageBatchV1Schema = z.object({
  version: z.literal(1),
  events: z.array(z.unknown()).min(1).max(USAGE_BATCH_MAX_EVENTS),
  headers: z.array(z.record(z.string(), z.string())),
});
export type UsageBatchV1 = z.infer<typeof usageBatchV1Schema>;

/** True for a JSON value shaped as a batch rather than a single event (it has no request id). */
export function isUsageBatch(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'events' in json && !('request_id' in json);
}
