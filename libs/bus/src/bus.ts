import type { KeyValueStore } from './key-value-store.js';

/** A JetStream stream (file storage, limits retention) or its in-process equivalent. */
export interface StreamConfig {
  name: string;
  /** Subjects the stream captures; NATS wildcards (`*`, `>`) allowed. */
  subjects: string[];
  /** Messages older than this are discarded; unlimited when absent. */
  maxAgeMs?: number;
  /** Oldest messages are discarded past this many bytes; unlimited when absent. */
  maxBytes?: number;
  /** How long a message id is remembered for deduplication (NATS default: 2 minutes). */
  duplicateWindowMs?: number;
}

/** Options of a durable {@link Bus.publish}. */
export interface PublishOptions {
  /** Deduplication id: a second publish with the same id within the window is stored once. */
  msgId?: string;
  /** Message headers; names starting with `Nats-` are reserved. */
  headers?: Record<string, string>;
}

/** What the stream answered to a durable publish. */
export interface PublishAck {
  stream: string;
  /** The stream sequence of the stored message (of the first copy for a duplicate). */
  sequence: number;
  /** True when the message id was seen within the duplicate window and nothing new was stored. */
  duplicate: boolean;
}

/** A durable pull consumer: its durable name is shared by every replica that consumes it. */
export interface ConsumeOptions {
  stream: string;
  durable: string;
  filterSubject?: string;
  /** Most messages handed to the handler at once. */
  batchSize: number;
  /** A batch is handed over when full or this long after the pull began (NATS: at least 1000). */
  maxWaitMs: number;
  /** A delivered message not acked within this time is delivered again. */
  ackWaitMs: number;
  /** Deliveries after which a message is given up on; -1 for no limit. */
  maxDeliver: number;
  /** Most delivered-but-unacked messages across all replicas; default max(1000, 4 × batchSize). */
  maxAckPending?: number;
  /** Told about handler failures and lost connections; the consumer keeps going. */
  onError?: (error: unknown) => void;
}

/** One delivery of a stored message; settle it with exactly one of ack, nak or term. */
export interface BusMessage {
  subject: string;
  data: Uint8Array;
  /** The publisher's headers, without the reserved `Nats-*` ones. */
  headers: Record<string, string>;
  msgId: string | undefined;
  /** 1 on first delivery; equal to `maxDeliver` on the last one the message will get. */
  deliveryCount: number;
  /** The consumer's limit (-1 for none), so a handler can dead-letter on the last delivery. */
  maxDeliver: number;
  /** Done with it: never delivered again. */
  ack(): void;
  /** Deliver again, after `delayMs` (immediately when absent), unless deliveries are used up. */
  nak(delayMs?: number): void;
  /** Never deliver again, without having processed it. */
  term(): void;
}

/** A running consumer loop. */
export interface Consumer {
  /** Settles once the durable exists on the bus (or the consumer was stopped first). */
  readonly ready: Promise<void>;
  /** Stops pulling and waits for the handler in flight; unsettled messages are redelivered. */
  stop(): Promise<void>;
}

/** A core (at-most-once) subscription. */
export interface Subscription {
  unsubscribe(): void;
}

/**
 * The event bus Switchyard's services meet on: durable streams with pull consumers (usage
 * events), fire-and-forget broadcasts (cache evictions) and a key-value store (snapshots).
 */
export interface Bus {
  /** Creates the stream or updates it to this configuration; safe to call from every replica. */
  ensureStream(config: StreamConfig): Promise<void>;
  /** Stores a message durably; resolves on the stream's ack, rejects fast while disconnected. */
  publish(subject: string, data: Uint8Array, options?: PublishOptions): Promise<PublishAck>;
  /** Starts a durable pull consumer handing batches to `handler`, one batch at a time. */
  consume(options: ConsumeOptions, handler: (batch: BusMessage[]) => Promise<void>): Consumer;
  /** Core publish to whoever is subscribed now; nothing is stored. */
  broadcast(subject: string, data: Uint8Array, headers?: Record<string, string>): Promise<void>;
  /** Receives broadcasts on a subject (NATS wildcards allowed). */
  subscribe(
    subject: string,
    handler: (data: Uint8Array, headers: Record<string, string>) => void,
  ): Subscription;
  /** Opens (creating if needed) a key-value bucket. */
  kv(bucket: string): Promise<KeyValueStore>;
  isConnected(): boolean;
  /** Stops consumers (finishing their handlers), watches and subscriptions, then flushes. */
  close(): Promise<void>;
}
