import { readFileSync } from 'node:fs';
import { describeAdapterConformance } from '../conformance/describe-adapter-conformance.js';
import { createAnthropicAdapter } from './anthropic-adapter.js';

const text = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(text(name));

describeAdapterConformance(createAnthropicAdapter(), {
  text: {
    body: json('message-text.json'),
    content: 'The Eiffel Tower is about 330 metres tall, including its antennas.',
    finishReason: 'stop',
    // 14 uncached + 2048 read from the cache: OpenAI's prompt_tokens includes cached input.
    usage: { promptTokens: 2062, completionTokens: 21, cachedTokens: 2048, reasoningTokens: 0 },
  },
  textStream: {
    sse: text('stream-text.sse'),
    content: 'Hello! How can I help you today? 😊',
    usage: { promptTokens: 19, completionTokens: 12, cachedTokens: 0, reasoningTokens: 0 },
  },
  toolCall: {
    body: json('message-tool-use.json'),
    name: 'get_weather',
    arguments: { location: 'Paris, France', unit: 'celsius' },
  },
  toolCallStream: {
    sse: text('stream-tool-use.sse'),
    name: 'get_weather',
    arguments: { location: 'Paris, France', unit: 'celsius' },
  },
  errors: [
    {
      status: 429,
      body: text('error-rate-limit.json'),
      headers: { 'retry-after': '12' },
      kind: 'rate_limited',
      retryable: true,
    },
    { status: 529, body: text('error-overloaded.json'), kind: 'overloaded', retryable: true },
    {
      status: 400,
      body: text('error-invalid-request.json'),
      kind: 'invalid_request',
      retryable: false,
    },
    {
      status: 401,
      body: text('error-authentication.json'),
      kind: 'authentication',
      retryable: false,
    },
    {
      status: 500,
      body: '{"type":"error","error":{"type":"api_error","message":"Internal server error"}}',
      kind: 'server_error',
      retryable: true,
    },
    { status: 502, body: '<html>Bad Gateway</html>', kind: 'server_error', retryable: true },
  ],
  malformedBody: { id: 'msg_01', type: 'message', role: 'assistant', content: 'not blocks' },
});
