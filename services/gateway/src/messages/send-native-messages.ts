import {
  isPlainObject,
  type NativeMessagesAdapter,
  ProviderError,
  toMessagesError,
} from '@switchyard/providers';
import { type ApiError, apiErrors } from '@switchyard/service-kit';
import type { FastifyReply } from 'fastify';
import { sendSse } from '../chat/send-chat-stream.js';
import { upstreamErrorToApiError } from '../errors/to-api-error.js';
import type { Admitted } from '../pipeline/admitted.js';
import type { ShutdownCutoff } from '../relay/create-shutdown-cutoff.js';
import { parseUpstreamJson } from '../relay/parse-upstream-json.js';
import { pipeSse } from '../relay/pipe-sse.js';
import type { RoutedCall } from '../routing/call-with-fallback.js';
import { jsonAnswer } from '../usage/answer.js';
import { createMessagesStreamAnswer } from './create-messages-stream-answer.js';

/** Answer kept per stream to estimate its tokens from; longer answers are extrapolated. */
const ESTIMATE_STREAM_RETAIN_BYTES = 64 * 1024;
/** Kept per stream of a key with body logging: enough for a capped, assembled response body. */
const LOGGED_STREAM_RETAIN_BYTES = 4 * 1024 * 1024;

export interface NativeAnswering {
  reply: FastifyReply;
  call: RoutedCall;
  native: NativeMessagesAdapter;
  outcome: Admitted;
  cutoff: ShutdownCutoff;
  now: () => number;
}

/**
 * A message from a provider that speaks the Messages API, returned as the upstream wrote it:
 * its JSON text unchanged, its usage read for the ledger.
 */
export async function sendNativeMessagesJson(options: NativeAnswering): Promise<FastifyReply> {
  const { call, native, outcome } = options;
  const parsed = await parseUpstreamJson(call, (json) => {
    if (!isPlainObject(json)) throw ProviderError.malformed('message', 'anthropic');
    return { body: json, usage: native.parseUsage(json), passThrough: true };
  });
  outcome.settle({
    status: 200,
    errorCode: null,
    errorMessage: null,
    usage: parsed.usage,
    delivery: 'complete',
    answer: jsonAnswer(parsed.body, parsed.text),
  });
  return options.reply.header('content-type', 'application/json').send(parsed.text);
}

/**
 * A streamed message from a provider that speaks the Messages API: the upstream's SSE bytes
 * relayed as they arrive (see {@link pipeSse}; a provider framing them otherwise, Bedrock, has
 * them decoded into SSE first), usage read from `message_start` and
 * `message_delta`. A cut stream is settled as partial, one without usage as estimated; a stream
 * still going when the shutdown grace is over ends with an `error` event and is the server's
 * doing (503).
 */
export function sendNativeMessagesStream(options: NativeAnswering): FastifyReply {
  const { call, outcome, now, reply } = options;
  const { response } = call;
  const tap = options.native.createUsageTap();
  const answer = createMessagesStreamAnswer(
    outcome.logsBodies ? LOGGED_STREAM_RETAIN_BYTES : ESTIMATE_STREAM_RETAIN_BYTES,
  );
  let firstByteAt: number | undefined;
  let shutDown = false;
  const stopWatching = options.cutoff.onCut(() => {
    if (response.clientClosed()) return;
    shutDown = true;
    response.body.destroy(new Error('the server is shutting down'));
  });
  const errorContext = {
    provider: call.candidate.route.provider.name,
    secrets: [call.credential.key],
  };
  const relay = pipeSse({
    body: response.body,
    tap,
    decoder: options.native.createStreamDecoder?.(),
    clientClosed: response.clientClosed,
    toClientError: (error) =>
      shutDown
        ? apiErrors.shuttingDown()
        : upstreamErrorToApiError(
            error instanceof ProviderError ? error : response.toFailure(error),
            errorContext,
          ),
    errorEvent,
    onFirstByte: () => {
      firstByteAt = now();
    },
    onChunk: (chunk) => answer.push(chunk),
    onEnd: (end) => {
      stopWatching();
      const { usage } = tap;
      const serverCut = shutDown && (end.error !== undefined || end.clientClosed);
      const failure = serverCut ? apiErrors.shuttingDown() : end.error;
      const clientClosed = !serverCut && end.clientClosed;
      const cut = clientClosed || failure !== undefined;
      outcome.settle({
        status: clientClosed ? 499 : failure ? failure.status : 200,
        errorCode: clientClosed ? 'client_closed' : (failure?.code ?? null),
        errorMessage: clientClosed ? null : (failure?.message ?? null),
        usage,
        delivery: !cut ? 'complete' : firstByteAt !== undefined || usage ? 'partial' : 'none',
        answer,
        timeToFirstTokenMs: firstByteAt === undefined ? undefined : firstByteAt - outcome.startedAt,
      });
    },
  });
  return sendSse(reply, relay);
}

/** Anthropic's `error` event, as its SDKs raise it. */
function errorEvent(error: ApiError): string {
  const { body } = toMessagesError(error.status, {
    error: { message: error.message, type: error.type, code: error.code },
  });
  return `event: error\ndata: ${JSON.stringify(body)}\n\n`;
}
