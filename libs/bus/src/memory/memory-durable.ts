import type { BusMessage } from '../bus.js';
import { subjectsOverlap } from '../subjects-overlap.js';
import type { MemoryStream, StoredMessage } from './memory-stream.js';

/** The settings of a durable that can change while it lives (the last consumer's win). */
export interface MemoryDurableSettings {
  filterSubject: string | undefined;
  ackWaitMs: number;
  maxDeliver: number;
  maxAckPending: number;
}

interface PendingMessage {
  deliveryCount: number;
  timer: NodeJS.Timeout | undefined;
  /** Due for redelivery (ack wait passed or nak delay over). */
  due: boolean;
}

interface PullRequest {
  batchSize: number;
  batch: BusMessage[];
  finish(): void;
}

/**
 * A durable pull consumer in process, with JetStream's delivery rules: redeliveries first, then
 * new messages in stream order; redelivery after ack wait or nak (with delay) until maxDeliver;
 * pull requests from every consumer of the durable served in turn, each message to one of them.
 */
export class MemoryDurable {
  private nextSequence: number;
  private readonly pending = new Map<number, PendingMessage>();
  private dueSequences: number[] = [];
  private readonly requests: PullRequest[] = [];
  private readonly stopListening: () => void;
  private readonly stopReading: () => void;
  private closed = false;

  constructor(
    private readonly stream: MemoryStream,
    private settings: MemoryDurableSettings,
    /** Whether the stream keeps its messages only until this durable acknowledged them. */
    holdsRetention = false,
  ) {
    this.nextSequence = stream.firstSequence();
    this.stopListening = stream.onAppend(() => this.dispatch());
    this.stopReading = holdsRetention ? stream.trackReader(() => this.firstNeeded()) : () => {};
  }

  /**
   * The lowest sequence this durable may still deliver: its oldest unacknowledged message (the
   * pending map's first key — new messages enter it in stream order and a redelivery keeps its
   * place), else the next new one.
   */
  private firstNeeded(): number {
    for (const sequence of this.pending.keys()) return sequence;
    return this.nextSequence;
  }

  configure(settings: MemoryDurableSettings): void {
    this.settings = settings;
    this.dispatch();
  }

  /** Up to `batchSize` messages, handed over when full, after `maxWaitMs`, or on abort. */
  pull(batchSize: number, maxWaitMs: number, signal: AbortSignal): Promise<BusMessage[]> {
    return new Promise((resolve) => {
      const request: PullRequest = {
        batchSize,
        batch: [],
        finish: () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', request.finish);
          const index = this.requests.indexOf(request);
          if (index >= 0) this.requests.splice(index, 1);
          resolve(request.batch);
        },
      };
      const timer = setTimeout(request.finish, maxWaitMs);
      signal.addEventListener('abort', request.finish, { once: true });
      this.requests.push(request);
      this.dispatch();
      if (signal.aborted || this.closed) request.finish();
    });
  }

  /** Ends every pull and forgets every timer; nothing is delivered afterwards. */
  close(): void {
    this.closed = true;
    this.stopListening();
    this.stopReading();
    for (const request of [...this.requests]) request.finish();
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  private dispatch(): void {
    while (!this.closed) {
      const request = this.requests[0];
      if (request === undefined) return;
      const message = this.nextDeliverable();
      if (message === undefined) return;
      request.batch.push(this.deliver(message));
      if (request.batch.length >= request.batchSize) request.finish();
    }
  }

  private nextDeliverable(): StoredMessage | undefined {
    for (;;) {
      const sequence = this.dueSequences.shift();
      if (sequence === undefined) break;
      if (this.pending.get(sequence)?.due !== true) continue;
      const message = this.stream.get(sequence);
      if (message !== undefined) return message;
      this.forget(sequence); // dropped by the stream's retention meanwhile
    }
    if (this.pending.size >= this.settings.maxAckPending) return undefined;
    this.nextSequence = Math.max(this.nextSequence, this.stream.firstSequence());
    while (this.nextSequence <= this.stream.last) {
      const message = this.stream.get(this.nextSequence);
      this.nextSequence += 1;
      if (message === undefined) continue;
      const { filterSubject } = this.settings;
      if (filterSubject === undefined || subjectsOverlap(filterSubject, message.subject)) {
        return message;
      }
    }
    return undefined;
  }

  private deliver(message: StoredMessage): BusMessage {
    const { sequence } = message;
    const entry = this.pending.get(sequence) ?? { deliveryCount: 0, timer: undefined, due: false };
    this.pending.set(sequence, entry);
    entry.deliveryCount += 1;
    entry.due = false;
    entry.timer = this.schedule(this.settings.ackWaitMs, () => this.giveBackOrDrop(sequence));
    const deliveryCount = entry.deliveryCount;
    const isCurrent = (): boolean =>
      this.pending.get(sequence) === entry && entry.deliveryCount === deliveryCount && !entry.due;
    return {
      subject: message.subject,
      data: message.data.slice(),
      headers: { ...message.headers },
      msgId: message.msgId,
      deliveryCount,
      maxDeliver: this.settings.maxDeliver,
      ack: () => {
        if (this.pending.get(sequence) === entry) this.forget(sequence);
      },
      nak: (delayMs) => {
        if (!isCurrent()) return;
        clearTimeout(entry.timer);
        if (delayMs === undefined || delayMs <= 0) this.giveBackOrDrop(sequence);
        else entry.timer = this.schedule(delayMs, () => this.giveBackOrDrop(sequence));
      },
      term: () => {
        if (isCurrent()) this.forget(sequence);
      },
    };
  }

  /** After ack wait or nak: deliver again, unless the deliveries are used up. */
  private giveBackOrDrop(sequence: number): void {
    const entry = this.pending.get(sequence);
    if (entry === undefined) return;
    entry.timer = undefined;
    const { maxDeliver } = this.settings;
    if (maxDeliver > 0 && entry.deliveryCount >= maxDeliver) {
      this.forget(sequence);
      return;
    }
    entry.due = true;
    const index = this.dueSequences.findIndex((due) => due > sequence);
    this.dueSequences.splice(index < 0 ? this.dueSequences.length : index, 0, sequence);
    this.dispatch();
  }

  private forget(sequence: number): void {
    clearTimeout(this.pending.get(sequence)?.timer);
    this.pending.delete(sequence);
    // A freed ack slot may let a new message through to a waiting pull.
    if (this.requests.length > 0) queueMicrotask(() => this.dispatch());
  }

  private schedule(ms: number, callback: () => void): NodeJS.Timeout {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return timer;
  }
}
