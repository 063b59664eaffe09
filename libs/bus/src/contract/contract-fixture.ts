import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import type { Bus, BusMessage, ConsumeOptions, Consumer, StreamConfig } from '../bus.js';

/** How the contract suite gets a bus of one implementation and cleans up after it. */
export interface BusContractHarness {
  createBus(): Promise<Bus>;
  /** Removes a stream the suite created (a no-op for in-process buses). */
  deleteStream(name: string): Promise<void>;
  /** Removes a key-value bucket the suite created. */
  deleteBucket(name: string): Promise<void>;
  /** The shortest batch wait and ack wait the implementation handles well. */
  timing: { maxWaitMs: number; ackWaitMs: number };
}

/** One message as a test consumer saw it. */
export interface Delivery {
  message: BusMessage;
  text: string;
  /** When the handler got it (ms since epoch). */
  at: number;
}

/** What a test consumer has received so far. */
export interface Collected {
  consumer: Consumer;
  deliveries: Delivery[];
  batchSizes: number[];
}

/** A stream with a subject prefix unique to one test. */
export interface TestStream {
  name: string;
  /** `<prefix>.<suffix>` subjects land in the stream. */
  subject(suffix: string): string;
}

/** Per-test bus, streams, buckets and consumers, torn down after each test. */
export interface ContractFixture {
  readonly bus: Bus;
  readonly timing: BusContractHarness['timing'];
  newStream(config?: Partial<StreamConfig>): Promise<TestStream>;
  newBucketName(): string;
  uniqueId(): string;
  consumeOptions(stream: TestStream, overrides?: Partial<ConsumeOptions>): ConsumeOptions;
  /** Consumes, recording every delivery; `onMessage` settles each (ack by default). */
  collect(
    options: ConsumeOptions,
    onMessage?: (message: BusMessage, delivery: Delivery) => void | Promise<void>,
  ): Collected;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The bytes of a string, for test payloads. */
export const bytes = (text: string): Uint8Array => encoder.encode(text);

/** Registers the per-test set-up and tear-down and returns the fixture. */
export function useContractFixture(harness: BusContractHarness): ContractFixture {
  let current: Bus | undefined;
  let streams: string[] = [];
  let buckets: string[] = [];
  let consumers: Consumer[] = [];

  beforeEach(async () => {
    current = await harness.createBus();
  });

  afterEach(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await current?.close();
    await Promise.all(streams.map((name) => harness.deleteStream(name)));
    await Promise.all(buckets.map((name) => harness.deleteBucket(name)));
    streams = [];
    buckets = [];
    consumers = [];
    current = undefined;
  });

  const uniqueId = (): string => randomUUID().replaceAll('-', '').slice(0, 12);

  return {
    get bus() {
      if (current === undefined) throw new Error('the bus exists only inside a test');
      return current;
    },
    timing: harness.timing,
    uniqueId,
    async newStream(config = {}) {
      const id = uniqueId();
      const name = `CONTRACT_${id}`;
      const prefix = `contract.${id}`;
      await this.bus.ensureStream({ name, subjects: [`${prefix}.>`], ...config });
      streams.push(name);
      return { name, subject: (suffix) => `${prefix}.${suffix}` };
    },
    newBucketName() {
      const name = `contract_${uniqueId()}`;
      buckets.push(name);
      return name;
    },
    consumeOptions(stream, overrides = {}) {
      return {
        stream: stream.name,
        durable: `durable_${uniqueId()}`,
        batchSize: 10,
        maxWaitMs: harness.timing.maxWaitMs,
        ackWaitMs: harness.timing.ackWaitMs,
        maxDeliver: 5,
        ...overrides,
      };
    },
    collect(options, onMessage = (message) => message.ack()) {
      const deliveries: Delivery[] = [];
      const batchSizes: number[] = [];
      const consumer = this.bus.consume(options, async (batch) => {
        batchSizes.push(batch.length);
        for (const message of batch) {
          const delivery = { message, text: decoder.decode(message.data), at: Date.now() };
          deliveries.push(delivery);
          await onMessage(message, delivery);
        }
      });
      consumers.push(consumer);
      return { consumer, deliveries, batchSizes };
    },
  };
}
