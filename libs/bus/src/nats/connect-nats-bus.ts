import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type {
  Bus,
  BusMessage,
  ConsumeOptions,
  Consumer,
  PublishAck,
  PublishOptions,
  Subscription,
} from '../bus.js';
import { BusError } from '../bus-error.js';
import type { KeyValueStore } from '../key-value-store.js';
import { ConnectionState } from './connection-state.js';
import { createJetStreamPublisher } from './create-jetstream-publisher.js';
import { ensureNatsStream } from './ensure-nats-stream.js';
import { fromNatsHeaders, toNatsHeaders } from './nats-headers.js';
import { openNatsKeyValueStore } from './open-nats-key-value-store.js';
import { reconnectDelay } from './reconnect-delay.js';
import { startNatsConsumer } from './start-nats-consumer.js';

/** Options of {@link connectNatsBus}. */
export interface NatsBusOptions {
  /** `nats://host:port`; several servers of a cluster separated by commas. */
  url: string;
  /** The connection name the server shows (service and instance). */
  name: string;
  onDisconnect?: () => void;
  onReconnect?: () => void;
  /** Told about failures in subscription and watch handlers and of the connection. */
  onError?: (error: unknown) => void;
  /** How long a publish waits for the stream's ack; default 5000. */
  publishTimeoutMs?: number;
  /** How long the first connection attempt may take; default 5000. */
  connectTimeoutMs?: number;
  /** Keep trying the first connection (forever) instead of failing; default false. */
  waitOnFirstConnect?: boolean;
  /** Longest pause between reconnect attempts; default 5000 (it starts at 250). */
  maxReconnectDelayMs?: number;
}

/**
 * Connects to NATS with JetStream and returns the {@link Bus} over it. The connection
 * reconnects forever with backoff; while it is down, publishes and broadcasts reject at once
 * with `BusError('disconnected')` (publishes in flight too), so the caller's buffer can retry.
 */
export async function connectNatsBus(options: NatsBusOptions): Promise<Bus> {
  const state = new ConnectionState();
  const reportError = options.onError ?? (() => {});
  const connection = await connect({
    servers: options.url.split(',').map((server) => server.trim()),
    name: options.name,
    timeout: options.connectTimeoutMs ?? 5_000,
    waitOnFirstConnect: options.waitOnFirstConnect ?? false,
    maxReconnectAttempts: -1,
    reconnectDelayHandler: () =>
      reconnectDelay(state.outageMs(), {
        initialMs: 250,
        maxMs: options.maxReconnectDelayMs ?? 5_000,
      }),
    pingInterval: 10_000,
    maxPingOut: 3,
  });
  void followStatus(connection, state, options).catch(reportError);
  try {
    const manager = await jetstreamManager(connection);
    return createNatsBus(connection, state, manager, options, reportError);
  } catch (error: unknown) {
    await connection.close();
    throw error;
  }
}

async function followStatus(
  connection: NatsConnection,
  state: ConnectionState,
  options: NatsBusOptions,
): Promise<void> {
  for await (const status of connection.status()) {
    if (status.type === 'disconnect') {
      state.markDown();
      options.onDisconnect?.();
    } else if (status.type === 'reconnect') {
      state.markUp();
      options.onReconnect?.();
    }
  }
}

function createNatsBus(
  connection: NatsConnection,
  state: ConnectionState,
  manager: Awaited<ReturnType<typeof jetstreamManager>>,
  options: NatsBusOptions,
  reportError: (error: unknown) => void,
): Bus {
  const client = jetstream(connection);
  const consumers = new Set<Consumer>();
  const buckets = new Map<string, ReturnType<typeof openNatsKeyValueStore>>();
  let closing = false;

  const assertUsable = (): void => {
    if (closing || connection.isClosed()) throw new BusError('closed', 'the bus is closed');
    if (!state.connected) throw new BusError('disconnected', 'not connected to NATS');
  };

  const publisher = createJetStreamPublisher(connection, options.publishTimeoutMs ?? 5_000);
  // A publish in flight when the connection drops is failed at once, not at its timeout; a
  // retry with the same msgId is deduplicated if the first one did land.
  state.onDown(() =>
    publisher.failAll(new BusError('disconnected', 'the connection to NATS was lost')),
  );
  void connection.closed().then(() => {
    publisher.failAll(new BusError('closed', 'the connection to NATS is closed'));
    publisher.close();
  });

  const publish = async (
    subject: string,
    data: Uint8Array,
    publishOptions: PublishOptions = {},
  ): Promise<PublishAck> => {
    assertUsable();
    return publisher.publish(subject, data, publishOptions);
  };

  const consume = (
    consumeOptions: ConsumeOptions,
    handler: (batch: BusMessage[]) => Promise<void>,
  ): Consumer => {
    if (closing) throw new BusError('closed', 'the bus is closed');
    const consumer = startNatsConsumer({ client, manager, state }, consumeOptions, handler);
    consumers.add(consumer);
    return {
      ready: consumer.ready,
      stop: async () => {
        consumers.delete(consumer);
        await consumer.stop();
      },
    };
  };

  const broadcast = async (
    subject: string,
    data: Uint8Array,
    headers?: Record<string, string>,
  ): Promise<void> => {
    assertUsable();
    connection.publish(subject, data, withHeaders(headers));
  };

  const subscribe = (
    subject: string,
    handler: (data: Uint8Array, headers: Record<string, string>) => void,
  ): Subscription => {
    if (closing) throw new BusError('closed', 'the bus is closed');
    const subscription = connection.subscribe(subject, {
      callback: (error, message) => {
        if (error !== null) {
          reportError(error);
          return;
        }
        try {
          handler(message.data, fromNatsHeaders(message.headers));
        } catch (handlerError: unknown) {
          reportError(handlerError);
        }
      },
    });
    return { unsubscribe: () => subscription.unsubscribe() };
  };

  const kv = async (bucket: string): Promise<KeyValueStore> => {
    if (closing) throw new BusError('closed', 'the bus is closed');
    let opening = buckets.get(bucket);
    if (opening === undefined) {
      opening = openNatsKeyValueStore(client, bucket, reportError);
      buckets.set(bucket, opening);
      opening.catch(() => buckets.delete(bucket));
    }
    return opening;
  };

  const close = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await Promise.all([...consumers].map((consumer) => consumer.stop()));
    consumers.clear();
    const stores = await Promise.allSettled(buckets.values());
    for (const store of stores) if (store.status === 'fulfilled') store.value.close();
    await publisher.idle();
    publisher.close();
    if (connection.isClosed()) return;
    // Draining needs the server; while it is unreachable there is nothing left to flush to.
    if (state.connected) await connection.drain();
    else await connection.close();
  };

  return {
    ensureStream: (config) => ensureNatsStream(manager, config),
    publish,
    consume,
    broadcast,
    subscribe,
    kv,
    isConnected: () => state.connected && !closing && !connection.isClosed(),
    close,
  };
}

function withHeaders(headers: Record<string, string> | undefined): {
  headers?: NonNullable<ReturnType<typeof toNatsHeaders>>;
} {
  const natsHeaders = toNatsHeaders(headers);
  return natsHeaders === undefined ? {} : { headers: natsHeaders };
}
