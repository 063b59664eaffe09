import type { FastifyReply } from 'fastify';

export interface RequestSignals {
  /** Aborts when the client's connection closes before the response finished. */
  client: AbortSignal;
  /** Aborts on that, or when the request's total deadline passes. */
  deadline: AbortSignal;
}

/**
 * The signals bounding one request's upstream work. Built from two controllers and one timer
 * (cleared when the response closes) rather than `AbortSignal.any`/`AbortSignal.timeout`, which
 * cost more per request and hold memory longer on Node 20.
 */
export function requestSignals(reply: FastifyReply, timeoutMs: number): RequestSignals {
  const client = new AbortController();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error('request deadline passed')), timeoutMs);
  reply.raw.once('close', () => {
    clearTimeout(timer);
    if (!reply.raw.writableFinished) {
      const reason = new Error('client closed the connection');
      client.abort(reason);
      deadline.abort(reason);
    }
  });
  return { client: client.signal, deadline: deadline.signal };
}
