import type { BufferedPublisher } from '@switchyard/bus';
import { createPublishingUsageRecorder, type RequestOutcome } from '@switchyard/gateway';

/** What the gateway does with each finished request when usage is published, and its drops. */
export interface BenchUsageRecorder {
  record(outcome: RequestOutcome): void;
  /** Outcomes whose bodies were left off (buffer backed up, or the event too large). */
  bodiesDropped(): number;
}

/**
 * The gateway's own publishing recorder (`createPublishingUsageRecorder`), without its
 * Prometheus `next`: what the bench measures is exactly the gateway's code.
 */
export function createBenchUsageRecorder(options: {
  publisher: Pick<BufferedPublisher, 'enqueue' | 'stats'>;
  now: () => number;
  bodiesBufferMax: number;
}): BenchUsageRecorder {
  let bodiesDropped = 0;
  const recorder = createPublishingUsageRecorder({
    ...options,
    next: { record: () => undefined },
    onBodiesDropped: () => {
      bodiesDropped += 1;
    },
  });
  return { record: (outcome) => recorder.record(outcome), bodiesDropped: () => bodiesDropped };
}
