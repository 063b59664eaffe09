import type { Pool } from 'undici';
import { agentRequestBody } from './agent-request-body.js';
import { anthropicRequestBody } from './anthropic-request-body.js';
import type { BenchTarget } from './bench-target.js';
import { chatRequestBody } from './chat-request-body.js';
import type { RequestSample } from './request-sample.js';
import { responsesRequestBody } from './responses-request-body.js';
import { sendAnthropicMessage } from './send-anthropic-message.js';
import { sendAnthropicStream } from './send-anthropic-stream.js';
import { sendChatCompletion } from './send-chat-completion.js';
import { sendChatStream } from './send-chat-stream.js';
import { sendResponsesRequest } from './send-responses-request.js';
import { sendResponsesStream } from './send-responses-stream.js';

/** Sends one request over a pool and times it. */
export type SendRequest = (
  pool: Pool,
  headers: Readonly<Record<string, string>>,
  body: string,
) => Promise<RequestSample>;

/** The body a target gets, in its API's format, and the function that sends and checks it. */
export function buildTargetRequest(
  target: BenchTarget,
  stream: boolean,
): { body: string; send: SendRequest } {
  const agent = target.requestBody === 'agent';
  if (target.api === 'anthropic-messages')
    return {
      body: agent
        ? agentRequestBody(target.api, target.model, stream)
        : anthropicRequestBody(target.model, stream),
      send: stream ? sendAnthropicStream : sendAnthropicMessage,
    };
  if (target.api === 'openai-responses')
    return {
      body: agent
        ? agentRequestBody(target.api, target.model, stream)
        : responsesRequestBody(target.model, stream),
      send: stream ? sendResponsesStream : sendResponsesRequest,
    };
  return {
    body: agent
      ? agentRequestBody(target.api, target.model, stream)
      : chatRequestBody(target.model, stream),
    send: stream ? sendChatStream : sendChatCompletion,
  };
}
