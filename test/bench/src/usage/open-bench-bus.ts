import { randomBytes } from 'node:crypto';
import {
  type Bus,
  connectNatsBus,
  deleteNatsStreams,
  USAGE_DEADLETTER_STREAM,
  USAGE_STREAM,
  USAGE_SUBJECTS,
  withNamespace,
} from '@switchyard/bus';

/** A namespace of its own on NATS, so a run sees no other installation's or run's usage. */
export interface BenchNamespace {
  readonly name: string;
  /** Connects one client (a gateway, an accounting replica) to the namespace. */
  connect(clientName: string): Promise<Bus>;
  /** Deletes the namespace's usage and dead-letter streams. */
  deleteStreams(): Promise<void>;
}

/** How long the usage stream keeps messages in production (accounting's default, 7 days). */
export const USAGE_STREAM_MAX_AGE_MS = 7 * 86_400_000;

/** A fresh namespace `benchusage<random>` on the NATS at `url`; nothing is created yet. */
export function createBenchNamespace(url: string): BenchNamespace {
  const name = `benchusage${randomBytes(4).toString('hex')}`;
  return {
    name,
    async connect(clientName) {
      const bus = await connectNatsBus({ url, name: clientName, connectTimeoutMs: 3_000 });
      return withNamespace(bus, name);
    },
    deleteStreams: () =>
      deleteNatsStreams(url, [`${name}_${USAGE_STREAM}`, `${name}_${USAGE_DEADLETTER_STREAM}`]),
  };
}

/** Creates the usage stream as accounting does, so publishes are stored before it runs. */
export function ensureUsageStream(bus: Bus, maxBytes?: number): Promise<void> {
  return bus.ensureStream({
    name: USAGE_STREAM,
    subjects: [USAGE_SUBJECTS],
    maxAgeMs: USAGE_STREAM_MAX_AGE_MS,
    ...(maxBytes !== undefined && { maxBytes }),
  });
}
