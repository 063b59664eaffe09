import { Readable } from 'node:stream';
import type { ChatCompletionRequest } from '@switchyard/contracts';
import type { FastifyReply } from 'fastify';
import type { Route } from '../catalog/model-catalog.js';
import { upstreamErrorToApiError } from '../errors/to-api-error.js';
import type { UpstreamCallResult } from '../relay/call-upstream.js';
import { relaySse } from '../relay/relay-sse.js';
import { responseContext } from '../relay/response-context.js';
import type { OutcomeTracker } from '../usage/track-outcome.js';

/**
 * Streams the completion to the client as SSE while it arrives. Backpressure is the pipe's:
 * upstream reads pause while the client's socket is full; a client that leaves destroys the
 * pipe, which aborts the upstream request.
 */
export function sendChatStream(options: {
  reply: FastifyReply;
  body: ChatCompletionRequest;
  route: Route;
  call: UpstreamCallResult;
  outcome: OutcomeTracker;
  now: () => number;
}): FastifyReply {
  const { reply, route, call, outcome, now } = options;
  const { response } = call;
  const transformer = route.provider.adapter.createChatStreamTransformer({
    ...responseContext(route, now),
    includeUsage: options.body.stream_options?.include_usage === true,
    annotateUsage: (usage) => ({ cost: Number(outcome.cost(usage)) }),
  });
  let firstByteAt: number | undefined;
  const events = relaySse({
    body: response.body,
    transformer,
    clientClosed: response.clientClosed,
    toClientError: (error) =>
      upstreamErrorToApiError(response.toFailure(error), {
        provider: route.provider.name,
        secrets: [call.target.apiKey],
      }),
    onFirstByte: () => {
      firstByteAt = now();
    },
    onEnd: (end) => {
      const usage = transformer.usage;
      outcome.finish({
        status: end.clientClosed ? 499 : end.error ? end.error.status : 200,
        errorCode: end.clientClosed ? 'client_closed' : (end.error?.code ?? null),
        usage,
        usageSource:
          usage === undefined ? 'none' : end.clientClosed || end.error ? 'partial' : 'provider',
        timeToFirstTokenMs: firstByteAt === undefined ? undefined : firstByteAt - outcome.startedAt,
      });
    },
  });
  return reply
    .headers({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    })
    .send(Readable.from(events, { objectMode: false }));
}
