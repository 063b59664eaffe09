import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnthropicReplies } from './build-anthropic-replies.js';
import { readChatFlags } from './read-chat-flags.js';
import { sendJson } from './send-json.js';

/**
 * Answers `POST /v1/messages` as Anthropic does: `x-api-key` and `anthropic-version` required,
 * `max_tokens` required, a message, or the stream's events written back-to-back (one write each).
 */
export function answerAnthropicMessages(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  replies: AnthropicReplies,
): void {
  if (typeof request.headers['x-api-key'] !== 'string') {
    sendAnthropicError(response, 401, 'authentication_error', 'x-api-key header is required');
    return;
  }
  if (typeof request.headers['anthropic-version'] !== 'string') {
    sendAnthropicError(
      response,
      400,
      'invalid_request_error',
      'anthropic-version: header is required',
    );
    return;
  }
  const flags = readChatFlags(body);
  if (flags === undefined || !flags.hasMaxTokens) {
    const message =
      flags === undefined ? 'body is not a JSON object' : 'max_tokens: Field required';
    sendAnthropicError(response, 400, 'invalid_request_error', message);
    return;
  }
  if (!flags.stream) {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': replies.message.length,
    });
    response.end(replies.message);
    return;
  }
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  const last = replies.streamEvents.length - 1;
  replies.streamEvents.forEach((event, index) => {
    if (index === last) response.end(event);
    else response.write(event);
  });
}

/** An error in Anthropic's shape: `{ type: 'error', error: { type, message } }`. */
function sendAnthropicError(
  response: ServerResponse,
  status: number,
  type: string,
  message: string,
): void {
  sendJson(response, status, { type: 'error', error: { type, message } });
}
