import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { UpstreamReplies } from './build-upstream-replies.js';
import { readChatFlags } from './read-chat-flags.js';

/**
 * A minimal OpenAI-compatible upstream that answers as fast as node:http allows: keep-alive,
 * proper content types, the stream's events written back-to-back (one write each).
 */
export function createFastUpstream(replies: UpstreamReplies): Server {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => answer(request, response, Buffer.concat(chunks).toString(), replies));
  });
  // Longer than any client pool's idle time, so the upstream never closes a pooled socket.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  return server;
}

function answer(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  replies: UpstreamReplies,
): void {
  if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
    sendError(response, 404, 'not_found', `no route ${request.method} ${request.url}`);
    return;
  }
  if (!request.headers.authorization?.startsWith('Bearer ')) {
    sendError(response, 401, 'invalid_api_key', 'missing bearer token');
    return;
  }
  const flags = readChatFlags(body);
  if (flags === undefined) {
    sendError(response, 400, 'invalid_json', 'body is not a JSON object');
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
  for (const event of replies.streamEvents) response.write(event);
  if (flags.includeUsage) response.write(replies.usageEvent);
  response.end(replies.doneEvent);
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({
    error: { message, type: 'invalid_request_error', param: null, code },
  });
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
