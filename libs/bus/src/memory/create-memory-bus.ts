import type {
  Bus,
  BusMessage,
  ConsumeOptions,
  Consumer,
  PublishAck,
  StreamConfig,
  Subscription,
} from '../bus.js';
import { BusError } from '../bus-error.js';
import { defaultMaxAckPending } from '../default-max-ack-pending.js';
import type { KeyValueStore } from '../key-value-store.js';
import { startPullLoop } from '../start-pull-loop.js';
import { isPublishableSubject, isSubjectPattern, subjectsOverlap } from '../subjects-overlap.js';
import { createMemoryKeyValueStore } from './create-memory-key-value-store.js';
import { MemoryDurable } from './memory-durable.js';
import { MemoryStream } from './memory-stream.js';

/** Options of {@link createMemoryBus}. */
export interface MemoryBusOptions {
  /** Told about errors thrown by subscription and watch handlers. */
  onError?: (error: unknown) => void;
  /**
   * Drops a stream's messages once every durable reading it has acknowledged them, instead of
   * keeping them for the stream's max age as JetStream does (on its disk, for replay): in a
   * process that would be days of events in the heap. A durable created later then starts at
   * the oldest message still kept. The standalone's choice; off by default, as over NATS.
   */
  dropAcknowledged?: boolean;
}

interface Subscriber {
  pattern: string;
  handler: (data: Uint8Array, headers: Record<string, string>) => void;
}

/**
 * The in-process bus for standalone mode, with the NATS bus's semantics: ordered streams,
 * dedupe by message id, shared durables with ack wait, nak, maxDeliver; broadcasts; KV with watch.
 * Nothing survives the process.
 */
export function createMemoryBus(options: MemoryBusOptions = {}): Bus {
  const onError = options.onError ?? (() => {});
  const streams = new Map<string, MemoryStream>();
  const durables = new Map<string, MemoryDurable>();
  const consumers = new Set<Consumer>();
  const subscribers = new Set<Subscriber>();
  const buckets = new Map<string, ReturnType<typeof createMemoryKeyValueStore>>();
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new BusError('closed', 'the bus is closed');
  };

  const ensureStream = async (config: StreamConfig): Promise<void> => {
    assertOpen();
    const { maxAgeMs, duplicateWindowMs } = config;
    if (maxAgeMs !== undefined && duplicateWindowMs !== undefined && duplicateWindowMs > maxAgeMs) {
      throw new BusError('invalid_argument', 'the duplicate window cannot exceed the max age');
    }
    for (const other of streams.values()) {
      if (other.config.name === config.name) continue;
      const overlap = config.subjects.some((subject) =>
        other.config.subjects.some((taken) => subjectsOverlap(subject, taken)),
      );
      if (overlap) {
        throw new BusError(
          'invalid_argument',
          `subjects of stream ${config.name} overlap with stream ${other.config.name}`,
        );
      }
    }
    const existing = streams.get(config.name);
    if (existing === undefined) streams.set(config.name, new MemoryStream({ ...config }));
    else existing.config = { ...config };
  };

  const publish = async (
    subject: string,
    data: Uint8Array,
    publishOptions: { msgId?: string; headers?: Record<string, string> } = {},
  ): Promise<PublishAck> => {
    assertOpen();
    if (!isPublishableSubject(subject)) {
      throw new BusError('invalid_argument', `cannot publish on ${JSON.stringify(subject)}`);
    }
    const stream = [...streams.values()].find((candidate) => candidate.captures(subject));
    if (stream === undefined) throw new BusError('no_stream', `no stream captures ${subject}`);
    // As over NATS, reserved `Nats-*` headers do not reach consumers.
    const headers = Object.fromEntries(
      Object.entries(publishOptions.headers ?? {}).filter(
        ([name]) => !name.toLowerCase().startsWith('nats-'),
      ),
    );
    return stream.append(subject, data.slice(), headers, publishOptions.msgId);
  };

  const durableFor = (consumeOptions: ConsumeOptions): MemoryDurable => {
    const stream = streams.get(consumeOptions.stream);
    if (stream === undefined) {
      throw new BusError('no_stream', `stream ${consumeOptions.stream} does not exist`);
    }
    const settings = {
      filterSubject: consumeOptions.filterSubject,
      ackWaitMs: consumeOptions.ackWaitMs,
      maxDeliver: consumeOptions.maxDeliver,
      maxAckPending: consumeOptions.maxAckPending ?? defaultMaxAckPending(consumeOptions.batchSize),
    };
    const key = `${consumeOptions.stream}\u0000${consumeOptions.durable}`;
    const existing = durables.get(key);
    if (existing !== undefined) {
      existing.configure(settings);
      return existing;
    }
    const durable = new MemoryDurable(stream, settings, options.dropAcknowledged === true);
    durables.set(key, durable);
    return durable;
  };

  const consume = (
    consumeOptions: ConsumeOptions,
    handler: (batch: BusMessage[]) => Promise<void>,
  ): Consumer => {
    assertOpen();
    let durable: MemoryDurable | undefined;
    const consumer = startPullLoop({
      setUp: async () => {
        durable = durableFor(consumeOptions);
      },
      pull: async (signal) =>
        durable?.pull(consumeOptions.batchSize, consumeOptions.maxWaitMs, signal) ?? [],
      handler,
      onError: consumeOptions.onError,
    });
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
    headers: Record<string, string> = {},
  ): Promise<void> => {
    assertOpen();
    if (!isPublishableSubject(subject)) {
      throw new BusError('invalid_argument', `cannot broadcast on ${JSON.stringify(subject)}`);
    }
    for (const subscriber of subscribers) {
      if (!subjectsOverlap(subscriber.pattern, subject)) continue;
      const copy = data.slice();
      const headersCopy = { ...headers };
      queueMicrotask(() => {
        if (!subscribers.has(subscriber)) return;
        try {
          subscriber.handler(copy, headersCopy);
        } catch (error: unknown) {
          onError(error);
        }
      });
    }
  };

  const subscribe = (pattern: string, handler: Subscriber['handler']): Subscription => {
    assertOpen();
    if (!isSubjectPattern(pattern)) {
      throw new BusError('invalid_argument', `cannot subscribe to ${JSON.stringify(pattern)}`);
    }
    const subscriber = { pattern, handler };
    subscribers.add(subscriber);
    return { unsubscribe: () => subscribers.delete(subscriber) };
  };

  const kv = async (bucket: string): Promise<KeyValueStore> => {
    assertOpen();
    const existing = buckets.get(bucket);
    if (existing !== undefined) return existing;
    const store = createMemoryKeyValueStore(onError);
    buckets.set(bucket, store);
    return store;
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await Promise.all([...consumers].map((consumer) => consumer.stop()));
    consumers.clear();
    for (const durable of durables.values()) durable.close();
    subscribers.clear();
    for (const store of buckets.values()) store.close();
  };

  return {
    ensureStream,
    publish,
    consume,
    broadcast,
    subscribe,
    kv,
    isConnected: () => !closed,
    close,
  };
}
