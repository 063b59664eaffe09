import type { PublishBatching } from '@switchyard/bus';
import { USAGE_BATCH_MAX_EVENTS } from '@switchyard/contracts';
import { combineUsageEvents } from './combine-usage-events.js';

/**
 * How the gateway publishes usage events: a publish of less than a full batch starts at most
 * every 10 ms, and the events that arrived meanwhile go out together as one usage batch v1 (up
 * to 256 events and 64 KiB; a larger event, one with logged bodies, goes out alone); full
 * batches go at once, up to four awaiting their ack. Under load one JetStream message and ack
 * carries tens of events; a quiet gateway still publishes each event at once. 64 KiB (plus the
 * events' trace contexts) keeps accounting's pull of 500 messages under ~40 MiB: with 512 KiB, a
 * pull of logged bodies stalled for about the ack wait (`pnpm bench:usage`: 1,600 events/s).
 */
export const USAGE_PUBLISHING: { concurrency: number; batch: PublishBatching } = {
  concurrency: 4,
  batch: {
    maxMessages: USAGE_BATCH_MAX_EVENTS,
    maxBytes: 64 * 1024,
    intervalMs: 10,
    combine: combineUsageEvents,
  },
};
