import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UpstreamReplies } from './build-upstream-replies.js';
import { type HeldStreams, HOLD_MODEL } from './create-held-streams.js';
import { readChatFlags } from './read-chat-flags.js';
import { sendJson } from './send-json.js';

/**
 * Answers `POST /v1/chat/completions` as OpenAI does: a bearer token required, a completion, or
 * the stream's events written back-to-back (one write each), usage when asked for. A stream for
 * {@link HOLD_MODEL} stops after its first content event and waits in `held` until released.
 */
export function answerChatCompletions(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  replies: UpstreamReplies,
  held: HeldStreams,
): void {
  if (!request.headers.authorization?.startsWith('Bearer ')) {
    sendOpenAIError(response, 401, 'invalid_api_key', 'missing bearer token');
    return;
  }
  const flags = readChatFlags(body);
  if (flags === undefined) {
    sendOpenAIError(response, 400, 'invalid_json', 'body is not a JSON object');
    return;
  }
  if (!flags.stream) {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': replies.completion.length,
    });
    response.end(replies.completion);
    return;
  }
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  const finish = (from: number) => {
    for (const event of replies.streamEvents.slice(from)) response.write(event);
    if (flags.includeUsage) response.write(replies.usageEvent);
    response.end(replies.doneEvent);
  };
  if (flags.model !== HOLD_MODEL) {
    finish(0);
    return;
  }
  // The role event and the first content event: the client has its first token.
  for (const event of replies.streamEvents.slice(0, 2)) response.write(event);
  held.hold(response, () => finish(2));
}

/** An error in OpenAI's shape. */
export function sendOpenAIError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  sendJson(response, status, {
    error: { message, type: 'invalid_request_error', param: null, code },
  });
}
