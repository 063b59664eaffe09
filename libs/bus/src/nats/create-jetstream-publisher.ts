import { createInbox, type Msg, type NatsConnection } from '@nats-io/transport-node';
import type { PublishAck, PublishOptions } from '../bus.js';
import { BusError } from '../bus-error.js';
import { msgIdHeader, toNatsHeaders } from './nats-headers.js';

/** Durable publishes with one shared reply subscription, for a few µs of CPU each. */
export interface JetStreamPublisher {
  publish(subject: string, data: Uint8Array, options: PublishOptions): Promise<PublishAck>;
  /** Fails every publish still waiting for its ack (the connection dropped). */
  failAll(error: BusError): void;
  /** Resolves once no publish waits for its ack (each ends by its timeout at the latest). */
  idle(): Promise<void>;
  /** Stops the timeout sweep and the reply subscription; call after {@link idle}. */
  close(): void;
}

interface Waiting {
  subject: string;
  deadline: number;
  resolve(ack: PublishAck): void;
  reject(error: BusError): void;
}

const decoder = new TextDecoder();

/**
 * Publishes to JetStream the way an async publisher does: the message goes out with a reply
 * subject under one wildcard inbox and its ack is matched there, so a publish costs no request
 * object and no timer of its own; one sweep fails those past their timeout.
 */
export function createJetStreamPublisher(
  connection: NatsConnection,
  timeoutMs: number,
  now: () => number = Date.now,
): JetStreamPublisher {
  const inbox = createInbox();
  const waiting = new Map<string, Waiting>();
  let idleWaiters: Array<() => void> = [];
  let nextToken = 0;

  const settle = (token: string): Waiting | undefined => {
    const entry = waiting.get(token);
    if (entry === undefined) return undefined;
    waiting.delete(token);
    if (waiting.size === 0 && idleWaiters.length > 0) {
      for (const resolveIdle of idleWaiters) resolveIdle();
      idleWaiters = [];
    }
    return entry;
  };

  const subscription = connection.subscribe(`${inbox}.*`, {
    callback: (error, message) => {
      if (error !== null) return;
      const token = message.subject.slice(inbox.length + 1);
      const entry = settle(token);
      if (entry === undefined) return; // timed out or failed already
      const result = parseAck(message, entry.subject);
      if (result instanceof BusError) entry.reject(result);
      else entry.resolve(result);
    },
  });

  // Entries are in publish order and share one timeout, so the sweep stops at the first live one.
  const sweep = setInterval(
    () => {
      const current = now();
      for (const [token, entry] of waiting) {
        if (entry.deadline > current) break;
        settle(token);
        entry.reject(
          new BusError('timeout', `no ack from the stream for ${entry.subject} in time`),
        );
      }
    },
    Math.max(10, Math.min(250, timeoutMs / 4)),
  );
  sweep.unref();

  return {
    publish(subject, data, options) {
      const token = (nextToken++).toString(36);
      const headers = toNatsHeaders(
        options.msgId === undefined
          ? options.headers
          : // Copied into an empty object: on Node 20 a spread copy that gains a key gets a
            // hidden class of its own, and this runs for every usage event.
            Object.assign({}, options.headers, { [msgIdHeader]: options.msgId }),
      );
      return new Promise<PublishAck>((resolve, reject) => {
        waiting.set(token, { subject, deadline: now() + timeoutMs, resolve, reject });
        try {
          connection.publish(subject, data, {
            reply: `${inbox}.${token}`,
            ...(headers === undefined ? {} : { headers }),
          });
        } catch (error: unknown) {
          settle(token);
          const reason = error instanceof Error ? error.message : String(error);
          reject(
            new BusError('failed', `publish on ${subject} failed: ${reason}`, { cause: error }),
          );
        }
      });
    },
    failAll(error) {
      for (const token of [...waiting.keys()]) settle(token)?.reject(error);
    },
    idle() {
      if (waiting.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    close() {
      clearInterval(sweep);
      subscription.unsubscribe();
    },
  };
}

/** The stream's answer: an ack, an API error, or "no responders" when no stream listens. */
function parseAck(message: Msg, subject: string): PublishAck | BusError {
  if (message.headers?.code === 503) {
    return new BusError('no_stream', `no stream captures ${subject}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(message.data));
  } catch (error: unknown) {
    return new BusError('failed', `unreadable ack for ${subject}`, { cause: error });
  }
  if (typeof body !== 'object' || body === null) {
    return new BusError('failed', `unreadable ack for ${subject}`);
  }
  if ('error' in body) {
    const description = describeApiError(body.error);
    return new BusError('failed', `the stream refused ${subject}: ${description}`);
  }
  const stream = 'stream' in body ? body.stream : undefined;
  const sequence = 'seq' in body ? body.seq : undefined;
  if (typeof stream !== 'string' || typeof sequence !== 'number') {
    return new BusError('failed', `unreadable ack for ${subject}`);
  }
  return { stream, sequence, duplicate: 'duplicate' in body && body.duplicate === true };
}

function describeApiError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'description' in error) {
    return String(error.description);
  }
  return JSON.stringify(error);
}
