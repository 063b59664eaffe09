import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
  type Consumer as NatsConsumer,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { ConsumeOptions } from '../bus.js';
import { defaultMaxAckPending } from '../default-max-ack-pending.js';

/**
 * Creates the durable pull consumer (explicit acks, from the start of the stream) or updates its
 * settings, and returns a handle to fetch from. Replicas with the same options agree.
 */
export async function ensureNatsConsumer(
  client: JetStreamClient,
  manager: JetStreamManager,
  options: ConsumeOptions,
): Promise<NatsConsumer> {
  const settings = {
    ack_wait: nanos(options.ackWaitMs),
    max_deliver: options.maxDeliver,
    max_ack_pending: options.maxAckPending ?? defaultMaxAckPending(options.batchSize),
    ...(options.filterSubject === undefined ? {} : { filter_subject: options.filterSubject }),
  };
  try {
    await manager.consumers.add(options.stream, {
      durable_name: options.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ...settings,
    });
  } catch (error: unknown) {
    // It exists with other settings (or a replica created it first): bring it up to date.
    if (!(error instanceof JetStreamApiError)) throw error;
    await manager.consumers.update(options.stream, options.durable, settings).catch(() => {
      throw error;
    });
  }
  return client.consumers.get(options.stream, options.durable);
}
