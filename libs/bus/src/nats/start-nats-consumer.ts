import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { BusMessage, ConsumeOptions, Consumer } from '../bus.js';
import { startPullLoop } from '../start-pull-loop.js';
import { collectFetched } from './collect-fetched.js';
import type { ConnectionState } from './connection-state.js';
import { ensureNatsConsumer } from './ensure-nats-consumer.js';
import { toBusMessage } from './to-bus-message.js';

/** The minimum fetch expiry the NATS client accepts. */
const minFetchWaitMs = 1_000;

/** What a NATS consumer loop needs from its bus. */
export interface NatsConsumerContext {
  client: JetStreamClient;
  manager: JetStreamManager;
  state: ConnectionState;
}

/**
 * A durable pull consumer loop over JetStream: each pull is one fetch of up to `batchSize`
 * messages that ends when full or after `maxWaitMs` (at least 1000 ms, the client's minimum).
 * While disconnected it waits for the connection instead of fetching.
 */
export function startNatsConsumer(
  context: NatsConsumerContext,
  options: ConsumeOptions,
  handler: (batch: BusMessage[]) => Promise<void>,
): Consumer {
  const expires = Math.max(minFetchWaitMs, options.maxWaitMs);
  let natsConsumer: Awaited<ReturnType<typeof ensureNatsConsumer>> | undefined;
  return startPullLoop({
    setUp: async () => {
      natsConsumer = await ensureNatsConsumer(context.client, context.manager, options);
    },
    pull: async (signal) => {
      if (natsConsumer === undefined) throw new Error('the consumer is not set up');
      if (!context.state.connected) {
        await context.state.waitUntilUp(expires, signal);
        return [];
      }
      // The fetch is not cut short on stop: messages already on their way would wait out their
      // ack wait. It ends within `expires`, and its batch is still handled.
      const messages = await natsConsumer.fetch({ max_messages: options.batchSize, expires });
      return collectFetched(
        messages,
        (message) => toBusMessage(message, options.maxDeliver),
        options.onError,
      );
    },
    handler,
    onError: options.onError,
  });
}
