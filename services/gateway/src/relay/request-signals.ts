import type { FastifyReply } from 'fastify';

export interface RequestSignals {
  /** Aborts when the client's connection closes before the response finished. */
  client: AbortSignal;
  /** Aborts on that, or when the request's total deadline passes. */
  deadline: AbortSignal;
}

/** The signals bounding one request's upstream work. */
export function requestSignals(reply: FastifyReply, timeoutMs: number): RequestSignals {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new Error('client closed the connection'));
  });
  return {
    client: controller.signal,
    deadline: AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs)]),
  };
}
