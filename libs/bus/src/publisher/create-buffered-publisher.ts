import type { Bus, PublishOptions } from '../bus.js';
import { BusError } from '../bus-error.js';
import type { PublishSpool } from '../spool/open-publish-spool.js';
import { backoffDelay } from './backoff-delay.js';

/** Options of {@link createBufferedPublisher}. */
export interface BufferedPublisherOptions {
  /** Where messages go; only `publish` is used. */
  bus: Pick<Bus, 'publish'>;
  /** Most messages held at once (waiting or in flight); past it {@link BufferedPublisher.enqueue} drops. */
  maxBuffered: number;
  /** Publishes in flight at once; default 16. */
  concurrency?: number;
  /** Pause after a failed publish: starts at `initialMs`, doubles, capped at `maxMs`, with jitter. */
  retry?: { initialMs: number; maxMs: number };
  /** Told of every message given up on (buffer full, or a publish that can never succeed). */
  onDrop?: (dropped: DroppedMessage) => void;
  /** Told of every failed publish attempt (it is retried when the error is retryable). */
  onError?: (error: unknown) => void;
  /**
   * Where messages with an id are also written until the stream acknowledges them, so a crash
   * loses none; what it recovered from a previous process is published first (past `maxBuffered`).
   */
  spool?: Pick<PublishSpool, 'recovered' | 'append' | 'acknowledge'>;
  /** Source of jitter in [0, 1); default `Math.random`. */
  random?: () => number;
  /**
   * Messages waiting together go out as one publish of at most this many messages and bytes,
   * combined by `combine` (a lone message goes out as it is). One publish and one ack for many
   * messages: the cost per message falls with the batch.
   */
  batch?: PublishBatching;
}

/** How {@link BufferedPublisherOptions.batch} combines waiting messages. */
export interface PublishBatching {
  maxMessages: number;
  maxBytes: number;
  /**
   * Publishes of less than a full batch start at most this often: the first message after a
   * quiet spell goes at once, and while messages keep coming, what arrived meanwhile goes
   * together. Full batches (`maxMessages` or `maxBytes` waiting) go at once, up to
   * `concurrency` in flight. Fewer, larger publishes: each one wakes the process and NATS twice
   * (send and ack).
   */
  intervalMs: number;
  /** One message carrying all of `messages` (two or more), with a message id of its own. */
  combine(messages: readonly OutgoingMessage[]): OutgoingMessage;
}

/** A message as enqueued. */
export interface OutgoingMessage {
  subject: string;
  data: Uint8Array;
  options: PublishOptions;
}

/** A message the buffer gave up on, and why. */
export interface DroppedMessage {
  subject: string;
  msgId: string | undefined;
  reason: 'full' | 'closed' | 'rejected';
}

/** Counters of a {@link BufferedPublisher} since it was created. */
export interface BufferedPublisherStats {
  /** Accepted and not yet published or dropped (waiting or in flight). */
  buffered: number;
  published: number;
  /** Failed attempts that were put back to try again. */
  retried: number;
  dropped: number;
}

/** A bounded in-memory buffer in front of {@link Bus.publish}, for the request path. */
export interface BufferedPublisher {
  /**
   * Takes a message to publish soon; never blocks and never throws. False when it was dropped
   * because the buffer is full or closed.
   */
  enqueue(subject: string, data: Uint8Array, options?: PublishOptions): boolean;
  /** Waits until everything accepted is published, or `timeoutMs` passed; `pending` were not. */
  drain(timeoutMs: number): Promise<{ pending: number }>;
  stats(): BufferedPublisherStats;
  /**
   * Stops publishing and accepting; messages still buffered are counted as dropped, but those
   * in a spool, which stay there for the next process to publish.
   */
  close(): void;
}

interface Entry extends OutgoingMessage {
  /** Also on disk: given up on at close, it is kept for the next process, not dropped. */
  spooled: boolean;
  /**
   * The messages a combined publish carries; it is retried whole (the same message id, so the
   * stream stores it once), and counted, acknowledged and dropped message by message.
   */
  members?: readonly Entry[];
}

const defaultRetry = { initialMs: 100, maxMs: 5_000 };

/**
 * Publishes in the background from a bounded FIFO, a few at a time. A failed publish (NATS
 * down: the bus rejects at once) goes back to the front and pauses the whole buffer with
 * exponential backoff and jitter, so order holds roughly and a dead server is not hammered;
 * once NATS is back everything buffered is published. The same `msgId` on every retry lets
 * the stream deduplicate an attempt that did land.
 */
export function createBufferedPublisher(options: BufferedPublisherOptions): BufferedPublisher {
  const concurrency = options.concurrency ?? 16;
  const retry = options.retry ?? defaultRetry;
  const random = options.random ?? Math.random;
  // Slots before `head` are taken (emptied so their bytes can be collected).
  const queue: Array<Entry | undefined> = (options.spool?.recovered ?? []).map((message) => ({
    ...message,
    spooled: true,
  }));
  const { batch } = options;
  let head = 0;
  /** Publishes awaiting their ack (`inFlight`: the messages they carry). */
  let publishing = 0;
  let inFlight = 0;
  let failures = 0;
  let pausedUntilTimer: NodeJS.Timeout | undefined;
  /** When batching: the next publish waits for this (`intervalMs` after the last one began). */
  let intervalTimer: NodeJS.Timeout | undefined;
  let lastPublishAt = Number.NEGATIVE_INFINITY;
  let scheduled = false;
  let closed = false;
  const counters = { published: 0, retried: 0, dropped: 0 };
  let idleWaiters: Array<() => void> = [];

  /** Messages in combined entries put back to wait, beyond one per entry. */
  let waitingInBatches = 0;
  const waiting = (): number => queue.length - head + waitingInBatches;
  const extraOf = (entry: Entry): number => (entry.members?.length ?? 1) - 1;
  const buffered = (): number => waiting() + inFlight;

  const drop = (entry: Entry, reason: DroppedMessage['reason']): void => {
    if (entry.members !== undefined) {
      for (const member of entry.members) drop(member, reason);
      return;
    }
    if (reason === 'closed' && entry.spooled) return;
    counters.dropped += 1;
    options.onDrop?.({ subject: entry.subject, msgId: entry.options.msgId, reason });
  };

  const notifyIdle = (): void => {
    if (buffered() > 0 || idleWaiters.length === 0) return;
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  const takeNext = (): Entry | undefined => {
    const entry = queue[head];
    if (entry === undefined) return undefined;
    queue[head] = undefined;
    head += 1;
    waitingInBatches -= extraOf(entry);
    // Compact now and then so the array does not grow without end.
    if (head > 1_024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    return entry;
  };

  const putBack = (entry: Entry): void => {
    waitingInBatches += extraOf(entry);
    if (head > 0) {
      head -= 1;
      queue[head] = entry;
    } else {
      queue.unshift(entry);
    }
  };

  const pauseAfterFailure = (): void => {
    failures += 1;
    if (pausedUntilTimer !== undefined) return;
    const ms = backoffDelay(failures, retry, random());
    pausedUntilTimer = setTimeout(() => {
      pausedUntilTimer = undefined;
      pump();
    }, ms);
    pausedUntilTimer.unref();
  };

  const acknowledge = (entry: Entry): void => {
    if (options.spool === undefined) return;
    for (const member of entry.members ?? [entry]) {
      if (member.options.msgId !== undefined) options.spool.acknowledge(member.options.msgId);
    }
  };

  const publishOne = (entry: Entry): void => {
    const carried = entry.members?.length ?? 1;
    publishing += 1;
    inFlight += carried;
    options.bus.publish(entry.subject, entry.data, entry.options).then(
      () => {
        publishing -= 1;
        inFlight -= carried;
        failures = 0;
        counters.published += carried;
        acknowledge(entry);
        pump();
        notifyIdle();
      },
      (error: unknown) => {
        publishing -= 1;
        inFlight -= carried;
        options.onError?.(error);
        if (closed) {
          drop(entry, 'closed');
        } else if (error instanceof BusError && !error.retryable) {
          drop(entry, 'rejected');
          // It can never be published: replaying it after a restart would fail the same way.
          acknowledge(entry);
          // What waits behind it goes on (nothing else may be in flight to start it).
          pump();
        } else {
          counters.retried += 1;
          putBack(entry);
          pauseAfterFailure();
        }
        notifyIdle();
      },
    );
  };

  /** The next entry, combined with those waiting behind it when batching. */
  const takeBatch = (): Entry | undefined => {
    const first = takeNext();
    if (batch === undefined || first === undefined || first.members !== undefined) return first;
    const members = [first];
    let bytes = first.data.length;
    for (let next = queue[head]; next !== undefined; next = queue[head]) {
      if (next.members !== undefined || members.length >= batch.maxMessages) break;
      if (bytes + next.data.length > batch.maxBytes) break;
      bytes += next.data.length;
      members.push(next);
      takeNext();
    }
    if (members.length === 1) return first;
    return { ...batch.combine(members), spooled: false, members };
  };

  /** Whether what waits fills a batch (by count or bytes), or is a retried batch. */
  const fullBatchWaits = (limits: PublishBatching): boolean => {
    let bytes = 0;
    for (let index = head; index < queue.length; index += 1) {
      const entry = queue[index];
      if (entry === undefined || entry.members !== undefined) return true;
      bytes += entry.data.length;
      if (index - head + 1 >= limits.maxMessages || bytes >= limits.maxBytes) return true;
    }
    return false;
  };

  /** Whether the next publish must wait for the interval; if so, the timer is set. */
  const waitForInterval = (): boolean => {
    if (batch === undefined || fullBatchWaits(batch)) return false;
    if (intervalTimer !== undefined) return true;
    const wait = lastPublishAt + batch.intervalMs - performance.now();
    if (wait <= 0) return false;
    intervalTimer = setTimeout(() => {
      intervalTimer = undefined;
      pump();
    }, wait);
    intervalTimer.unref();
    return true;
  };

  function pump(): void {
    scheduled = false;
    while (!closed && pausedUntilTimer === undefined && publishing < concurrency) {
      if (waiting() === 0 || waitForInterval()) return;
      const entry = takeBatch();
      if (entry === undefined) return;
      lastPublishAt = performance.now();
      publishOne(entry);
    }
  }

  if (queue.length > 0) {
    scheduled = true;
    setImmediate(pump);
  }
  return {
    enqueue(subject, data, publishOptions = {}) {
      const entry: Entry = { subject, data, options: publishOptions, spooled: false };
      if (closed) {
        drop(entry, 'closed');
        return false;
      }
      if (buffered() >= options.maxBuffered) {
        drop(entry, 'full');
        return false;
      }
      queue.push(entry);
      const { msgId } = publishOptions;
      if (msgId !== undefined && options.spool !== undefined) {
        entry.spooled = options.spool.append({
          subject,
          data,
          options: { ...publishOptions, msgId },
        });
      }
      // Publishing starts after the caller's turn, never on its stack.
      if (!scheduled && pausedUntilTimer === undefined) {
        scheduled = true;
        setImmediate(pump);
      }
      return true;
    },
    async drain(timeoutMs) {
      if (buffered() === 0) return { pending: 0 };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      return { pending: buffered() };
    },
    stats: () => ({ buffered: buffered(), ...counters }),
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(pausedUntilTimer);
      pausedUntilTimer = undefined;
      clearTimeout(intervalTimer);
      intervalTimer = undefined;
      for (let entry = takeNext(); entry !== undefined; entry = takeNext()) drop(entry, 'closed');
      queue.length = 0;
      head = 0;
      waitingInBatches = 0;
      notifyIdle();
    },
  };
}
