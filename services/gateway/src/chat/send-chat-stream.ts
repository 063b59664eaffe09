import type { OutgoingHttpHeaders } from 'node:http';
import {
  type ChatStreamEncoder,
  type ChatStreamTransformer,
  createOpenAiSseEncoder,
  ProviderError,
} from '@switchyard/providers';
import { apiErrors } from '@switchyard/service-kit';
import type { FastifyReply } from 'fastify';
import type { Route } from '../catalog/model-catalog.js';
import { upstreamErrorToApiError } from '../errors/to-api-error.js';
import type { Admitted } from '../pipeline/admitted.js';
import type { ShutdownCutoff } from '../relay/create-shutdown-cutoff.js';
import { relaySse, type SseRelay } from '../relay/relay-sse.js';
import { responseContext } from '../relay/response-context.js';
import type { RoutedCall } from '../routing/call-with-fallback.js';
import { createStreamAnswer, type StreamAnswer } from '../usage/create-stream-answer.js';
import { teeChatStream } from './tee-chat-stream.js';
import { withServedModel } from './with-served-model.js';
import { withoutReasoning } from './without-reasoning.js';

/** Answer kept per stream to estimate its tokens from; longer answers are extrapolated. */
const ESTIMATE_STREAM_RETAIN_CHARS = 64 * 1024;
/** Kept per stream of a key with body logging: enough for a capped, assembled response body. */
const LOGGED_STREAM_RETAIN_CHARS = 4 * 1024 * 1024;

/**
 * The completion as SSE text while it arrives, recording the outcome when it ends: OpenAI's
 * unless another ingress (Anthropic's `/v1/messages`) gives its own `encoder`. A stream
 * still going when the shutdown grace is over (`cutoff`) ends with a `shutting_down` event and is
 * recorded as the server's doing (503), not as a client that left.
 */
export function chatEventStream(options: {
  call: RoutedCall;
  outcome: Admitted;
  includeUsage: boolean;
  cutoff: ShutdownCutoff;
  now: () => number;
  encoder?: ChatStreamEncoder;
  /** Reads the upstream's stream instead of the adapter's chat transformer (a native pass-through). */
  transformer?: ChatStreamTransformer;
  /**
   * The transformer names the served model itself, where it located it (the native Responses
   * pass-through): its text is not searched for `"model"` members again.
   */
  transformerNamesModel?: boolean;
  /** Keeps the answer of a stream that is not chat (a native pass-through), given how much to keep. */
  answer?: (retainChars: number) => StreamAnswer;
  /** OpenRouter's `reasoning.exclude`: reasoning is not sent to the client. */
  excludeReasoning?: boolean;
}): SseRelay {
  const { call, outcome, now } = options;
  const { response } = call;
  const { route } = call.candidate;
  const transformer =
    options.transformer ?? adapterTransformer(route, now, options.includeUsage, outcome);
  let firstByteAt: number | undefined;
  // Kept for a token estimate should the provider report no usage, and for the request log.
  const answer = (options.answer ?? createStreamAnswer)(
    outcome.logsBodies ? LOGGED_STREAM_RETAIN_CHARS : ESTIMATE_STREAM_RETAIN_CHARS,
  );
  const teed = teeChatStream(options.encoder ?? createOpenAiSseEncoder(), answer);
  const shown = options.excludeReasoning === true ? withoutReasoning(teed) : teed;
  const encoder =
    options.transformerNamesModel === true
      ? shown
      : withServedModel(shown, call.candidate.model.id);
  let shutDown = false;
  const stopWatching = options.cutoff.onCut(() => {
    // A client already gone left on its own; for the others the server ends the stream.
    if (response.clientClosed()) return;
    shutDown = true;
    // Aborts the upstream call; the relay then sends the client its last (error) event.
    response.body.destroy(new Error('the server is shutting down'));
  });
  const errorContext = { provider: route.provider.name, secrets: [call.credential.key] };
  return relaySse({
    body: response.body,
    transformer,
    encoder,
    clientClosed: response.clientClosed,
    toClientError: (error) =>
      shutDown
        ? apiErrors.shuttingDown()
        : upstreamErrorToApiError(
            error instanceof ProviderError ? error : response.toFailure(error),
            errorContext,
          ),
    onFirstByte: () => {
      firstByteAt = now();
    },
    onEnd: (end) => {
      stopWatching();
      const usage = transformer.usage;
      // A stream the shutdown ended, even if its connection was then cut before the last event
      // went out; one that had finished anyway stays a success.
      const serverCut = shutDown && (end.error !== undefined || end.clientClosed);
      const failure = serverCut ? apiErrors.shuttingDown() : end.error;
      const clientClosed = !serverCut && end.clientClosed;
      const cut = clientClosed || failure !== undefined;
      // A failure the answer reported itself (already sent as it came): the outcome all the same.
      const reported = transformer.reportedFailure;
      const error =
        failure ??
        (reported === undefined ? undefined : upstreamErrorToApiError(reported, errorContext));
      outcome.settle({
        status: clientClosed ? 499 : error ? error.status : 200,
        errorCode: clientClosed ? 'client_closed' : (error?.code ?? null),
        errorMessage: clientClosed ? null : (error?.message ?? null),
        usage,
        delivery: !cut ? 'complete' : firstByteAt !== undefined || usage ? 'partial' : 'none',
        answer,
        timeToFirstTokenMs: firstByteAt === undefined ? undefined : firstByteAt - outcome.startedAt,
      });
    },
  });
}

/** The route's adapter reading the upstream's stream, the cost added to the usage it reports. */
function adapterTransformer(
  route: Route,
  now: () => number,
  includeUsage: boolean,
  outcome: Admitted,
): ChatStreamTransformer {
  const context = responseContext(route, now);
  return route.provider.adapter.createChatStreamTransformer({
    // Field by field, not `{ ...context, … }`: see `createRouter` on spreads and hidden classes.
    createdAtSeconds: context.createdAtSeconds,
    upstreamModel: context.upstreamModel,
    includeUsage,
    annotateUsage: (usage) => {
      const cost = outcome.cost(usage);
      return cost === undefined ? {} : { cost: Number(cost) };
    },
  });
}

/** The headers every SSE answer carries besides the request's own. */
const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
};

/**
 * Sends SSE text to the client, written by the relay straight to the socket's response (fastify
 * steps aside: its hooks that matter — metrics, tracing — record on the response's 'close').
 * Backpressure is the relay's; a client that leaves aborts upstream.
 */
export function sendSse(reply: FastifyReply, relay: SseRelay): FastifyReply {
  reply.hijack();
  reply.headers(SSE_HEADERS);
  reply.raw.writeHead(200, reply.getHeaders() as OutgoingHttpHeaders);
  relay.pipeTo(reply.raw);
  return reply;
}

/** Streams an OpenAI chat completion to the client. */
export function sendChatStream(options: {
  reply: FastifyReply;
  call: RoutedCall;
  outcome: Admitted;
  includeUsage: boolean;
  cutoff: ShutdownCutoff;
  now: () => number;
  excludeReasoning?: boolean;
}): FastifyReply {
  return sendSse(options.reply, chatEventStream(options));
}
