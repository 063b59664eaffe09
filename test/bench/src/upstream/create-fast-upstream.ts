import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerAnthropicMessages } from './answer-anthropic-messages.js';
import { answerChatCompletions, sendOpenAIError } from './answer-chat-completions.js';
import { answerResponses } from './answer-responses.js';
import type { AnthropicReplies } from './build-anthropic-replies.js';
import type { ResponsesReplier } from './build-responses-replies.js';
import type { UpstreamReplies } from './build-upstream-replies.js';
import { createHeldStreams, type HeldStreams } from './create-held-streams.js';
import { sendJson } from './send-json.js';

/** The bodies the fast upstream answers with, per API. */
export interface FastUpstreamReplies {
  readonly openai: UpstreamReplies;
  readonly anthropic: AnthropicReplies;
  readonly responses: ResponsesReplier;
}

/**
 * A minimal upstream that answers as fast as node:http allows, as an OpenAI-compatible server
 * (`/v1/chat/completions`), as Anthropic's Messages API (`/v1/messages`) and as OpenAI's
 * Responses API (`/v1/responses`): keep-alive, proper content types, the stream's events
 * written back-to-back (one write each). For the open-streams scenario, `GET /bench/held` counts
 * the held streams and `POST /bench/release` finishes them.
 */
export function createFastUpstream(replies: FastUpstreamReplies): Server {
  const held = createHeldStreams();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () =>
      answer(request, response, Buffer.concat(chunks).toString(), replies, held),
    );
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
  replies: FastUpstreamReplies,
  held: HeldStreams,
): void {
  if (request.method === 'POST' && request.url === '/v1/chat/completions')
    answerChatCompletions(request, response, body, replies.openai, held);
  else if (request.method === 'GET' && request.url === '/bench/held')
    sendJson(response, 200, held.count());
  else if (request.method === 'POST' && request.url === '/bench/release')
    sendJson(response, 200, { released: held.releaseAll() });
  else if (request.method === 'POST' && request.url === '/v1/messages')
    answerAnthropicMessages(request, response, body, replies.anthropic);
  else if (request.method === 'POST' && request.url === '/v1/responses')
    answerResponses(request, response, body, replies.responses);
  else sendOpenAIError(response, 404, 'not_found', `no route ${request.method} ${request.url}`);
}
