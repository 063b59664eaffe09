import type { PublishAck, StreamConfig } from '../bus.js';
import { subjectsOverlap } from '../subjects-overlap.js';

/** A message as the in-process stream keeps it. */
export interface StoredMessage {
  sequence: number;
  subject: string;
  data: Uint8Array;
  headers: Record<string, string>;
  msgId: string | undefined;
  storedAt: number;
}

/** NATS's default duplicate window. */
const defaultDuplicateWindowMs = 120_000;

/**
 * An in-process stream with JetStream's limits retention (age, bytes) and deduplication by
 * message id within the duplicate window. Sequences start at 1 and never repeat.
 *
 * Durables that {@link trackReader} hold retention to what they still need: a message every one
 * of them has acknowledged is dropped too (see `MemoryBusOptions.dropAcknowledged`).
 */
export class MemoryStream {
  config: StreamConfig;
  /**
   * Retained messages are `messages[head…]`. A dropped one's slot is emptied at once (a message
   * still referenced there would outlive the young generation) and the slots are cut off in bulk.
   */
  private messages: (StoredMessage | undefined)[] = [];
  private head = 0;
  private bytes = 0;
  private lastSequence = 0;
  /** Message id → sequence and time, oldest first (a Map keeps insertion order). */
  private readonly recentIds = new Map<string, { sequence: number; storedAt: number }>();
  private readonly listeners = new Set<() => void>();
  /** Each durable's first sequence it still needs (see {@link trackReader}). */
  private readonly readers = new Set<() => number>();

  constructor(
    config: StreamConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.config = config;
  }

  /** Whether a published subject lands in this stream. */
  captures(subject: string): boolean {
    return this.config.subjects.some((pattern) => subjectsOverlap(pattern, subject));
  }

  /** Stores a message unless its id was seen within the duplicate window. */
  append(
    subject: string,
    data: Uint8Array,
    headers: Record<string, string>,
    msgId: string | undefined,
  ): PublishAck {
    const storedAt = this.now();
    this.prune(storedAt);
    if (msgId !== undefined) {
      const seen = this.recentIds.get(msgId);
      if (seen !== undefined) {
        return { stream: this.config.name, sequence: seen.sequence, duplicate: true };
      }
    }
    this.lastSequence += 1;
    const message = { sequence: this.lastSequence, subject, data, headers, msgId, storedAt };
    this.messages.push(message);
    this.bytes += data.byteLength;
    if (msgId !== undefined) this.recentIds.set(msgId, { sequence: message.sequence, storedAt });
    this.prune(storedAt);
    for (const listener of this.listeners) listener();
    return { stream: this.config.name, sequence: message.sequence, duplicate: false };
  }

  /** The stored message with this sequence, if still retained. */
  get(sequence: number): StoredMessage | undefined {
    const first = this.messages[this.head];
    if (first === undefined || sequence < first.sequence) return undefined;
    return this.messages[this.head + sequence - first.sequence];
  }

  /** The sequence the next scan should start from: the oldest retained message. */
  firstSequence(): number {
    this.prune(this.now());
    return this.messages[this.head]?.sequence ?? this.lastSequence + 1;
  }

  /** The sequence of the newest message ever stored (0 when none). */
  get last(): number {
    return this.lastSequence;
  }

  /**
   * Lets a durable hold back retention: messages before the lowest `firstNeeded()` of all
   * readers are dropped. Returns the release (a closed durable needs nothing).
   */
  trackReader(firstNeeded: () => number): () => void {
    this.readers.add(firstNeeded);
    return () => this.readers.delete(firstNeeded);
  }

  /** Calls `listener` after every stored message; returns the unsubscribe. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private prune(now: number): void {
    const { maxAgeMs, maxBytes } = this.config;
    // As in NATS: the window defaults to two minutes, or the max age when that is shorter.
    const window =
      this.config.duplicateWindowMs ?? Math.min(defaultDuplicateWindowMs, maxAgeMs ?? Infinity);
    for (const [msgId, seen] of this.recentIds) {
      if (now - seen.storedAt < window) break;
      this.recentIds.delete(msgId);
    }
    const consumed = this.consumedBefore();
    for (;;) {
      const oldest = this.messages[this.head];
      if (oldest === undefined) break;
      const tooOld = maxAgeMs !== undefined && now - oldest.storedAt >= maxAgeMs;
      const tooBig = maxBytes !== undefined && this.bytes > maxBytes;
      if (!tooOld && !tooBig && oldest.sequence >= consumed) break;
      this.messages[this.head] = undefined;
      this.head += 1;
      this.bytes -= oldest.data.byteLength;
    }
    if (this.head > 1024 && this.head * 2 > this.messages.length) {
      this.messages = this.messages.slice(this.head);
      this.head = 0;
    }
  }

  /** The first sequence some reader still needs; 0 (keep everything) before any reads. */
  private consumedBefore(): number {
    if (this.readers.size === 0) return 0;
    let first = Number.POSITIVE_INFINITY;
    for (const firstNeeded of this.readers) first = Math.min(first, firstNeeded());
    return first;
  }
}
