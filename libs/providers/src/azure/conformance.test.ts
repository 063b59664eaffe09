import { readFileSync } from 'node:fs';
import { describeAdapterConformance } from '../conformance/describe-adapter-conformance.js';
import { createAzureAdapter } from './azure-adapter.js';

const text = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(text(name));

// Azure's bodies carry content-filter verdicts and its streams open with a prompt-filter chunk
// without choices; the translation must not trip on either.
describeAdapterConformance(createAzureAdapter(), {
  text: {
    body: json('chat-completion.json'),
    content: 'Azure OpenAI is a managed service for OpenAI models.',
    finishReason: 'stop',
    usage: { promptTokens: 1290, completionTokens: 12, cachedTokens: 1152, reasoningTokens: 0 },
  },
  textStream: {
    sse: text('chat-stream-with-usage.sse'),
    content: 'Hello from Azure!',
    usage: { promptTokens: 14, completionTokens: 4, cachedTokens: 0, reasoningTokens: 0 },
  },
  toolCall: {
    body: json('chat-tool-call.json'),
    name: 'get_current_weather',
    arguments: { location: 'Seattle, WA' },
  },
  toolCallStream: {
    sse: text('chat-stream-tool-call.sse'),
    name: 'get_weather',
    arguments: { location: 'Paris, France' },
  },
  errors: [
    {
      status: 429,
      body: text('error-rate-limit.json'),
      headers: { 'retry-after': '6' },
      kind: 'rate_limited',
      retryable: true,
    },
    {
      status: 400,
      body: text('error-content-filter.json'),
      kind: 'invalid_request',
      retryable: false,
    },
    {
      status: 401,
      body: text('error-access-denied.json'),
      kind: 'authentication',
      retryable: false,
    },
    {
      status: 500,
      body: '{"error":{"code":"InternalServerError","message":"The service is temporarily unable to process your request."}}',
      kind: 'server_error',
      retryable: true,
    },
    { status: 503, body: 'upstream connect error', kind: 'overloaded', retryable: true },
  ],
  malformedBody: { id: 'chatcmpl-1', object: 'chat.completion' },
});
