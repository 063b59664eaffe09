import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendOpenAIError } from './answer-chat-completions.js';
import type { ResponsesReplier } from './build-responses-replies.js';
import { readChatFlags } from './read-chat-flags.js';

/**
 * Answers `POST /v1/responses` as OpenAI does: a bearer token required, a Response, or the
 * stream's named events written back-to-back (one write each), the last `response.completed`;
 * every Response echoes the request's instructions and tools.
 */
export function answerResponses(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  replier: ResponsesReplier,
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
  const replies = replier({ instructions: flags.body.instructions, tools: flags.body.tools });
  if (!flags.stream) {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': replies.response.length,
    });
    response.end(replies.response);
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
