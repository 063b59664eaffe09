import { readFileSync } from 'node:fs';
import { describeAdapterConformance } from '../conformance/describe-adapter-conformance.js';
import { createOpenAiCompatibleAdapter } from './openai-compatible-adapter.js';

const text = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(text(name));

describeAdapterConformance(createOpenAiCompatibleAdapter(), {
  text: {
    body: json('chat-completion.json'),
    content: 'The image shows a wooden boardwalk path running through a lush green field.',
    finishReason: 'stop',
    usage: { promptTokens: 1117, completionTokens: 46, cachedTokens: 1024, reasoningTokens: 0 },
  },
  textStream: {
    sse: text('chat-stream-with-usage.sse'),
    content: 'Hello! How can I help?',
    usage: { promptTokens: 19, completionTokens: 10, cachedTokens: 0, reasoningTokens: 0 },
  },
  toolCall: {
    body: json('chat-tool-call.json'),
    name: 'get_current_weather',
    arguments: { location: 'Boston, MA' },
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
      headers: { 'retry-after': '2' },
      kind: 'rate_limited',
      retryable: true,
    },
    {
      status: 400,
      body: '{"error":{"message":"bad","type":"invalid_request_error","param":"messages","code":null}}',
      kind: 'invalid_request',
      retryable: false,
    },
    {
      status: 401,
      body: '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}',
      kind: 'authentication',
      retryable: false,
    },
    {
      status: 500,
      body: '{"error":{"message":"The server had an error","type":"server_error"}}',
      kind: 'server_error',
      retryable: true,
    },
    { status: 503, body: 'upstream connect error', kind: 'overloaded', retryable: true },
  ],
  malformedBody: { id: 'chatcmpl-1', object: 'chat.completion' },
});
