import { readFileSync } from 'node:fs';
import { describeAdapterConformance } from '../conformance/describe-adapter-conformance.js';
import { createBedrockAdapter } from './bedrock-adapter.js';
import { bedrockStreamFixture } from './encode-bedrock-events.test-helpers.js';

const text = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(text(name));
const errorType = (name: string) => ({
  'x-amzn-errortype': `${name}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
});

describeAdapterConformance(createBedrockAdapter(), {
  text: {
    body: json('converse-text.json'),
    content: 'The Eiffel Tower is about 330 metres tall, including its antennas.',
    finishReason: 'stop',
    // 14 uncached + 2048 read from the cache: OpenAI's prompt_tokens includes cached input.
    usage: { promptTokens: 2062, completionTokens: 21, cachedTokens: 2048, reasoningTokens: 0 },
  },
  textStream: {
    sse: bedrockStreamFixture('stream-text.events.json'),
    content: 'Hello! How can I help you today? 😊',
    usage: { promptTokens: 19, completionTokens: 12, cachedTokens: 0, reasoningTokens: 0 },
  },
  toolCall: {
    body: json('converse-tool-use.json'),
    name: 'get_weather',
    arguments: { location: 'Paris, France', unit: 'celsius' },
  },
  toolCallStream: {
    sse: bedrockStreamFixture('stream-tool-use.events.json'),
    name: 'get_weather',
    arguments: { location: 'Paris, France', unit: 'celsius' },
  },
  errors: [
    {
      status: 429,
      body: text('error-throttling.json'),
      headers: errorType('ThrottlingException'),
      kind: 'rate_limited',
      retryable: true,
    },
    {
      status: 400,
      body: text('error-service-quota.json'),
      headers: errorType('ServiceQuotaExceededException'),
      kind: 'rate_limited',
      retryable: true,
    },
    {
      status: 400,
      body: text('error-validation.json'),
      headers: errorType('ValidationException'),
      kind: 'invalid_request',
      retryable: false,
    },
    {
      status: 403,
      body: text('error-access-denied.json'),
      headers: errorType('AccessDeniedException'),
      kind: 'authentication',
      retryable: false,
    },
    {
      status: 403,
      body: text('error-invalid-signature.json'),
      headers: errorType('InvalidSignatureException'),
      kind: 'authentication',
      retryable: false,
    },
    {
      status: 503,
      body: '{"message":"Bedrock is unable to process your request."}',
      headers: errorType('ServiceUnavailableException'),
      kind: 'overloaded',
      retryable: true,
    },
    {
      status: 500,
      body: '{"message":"Internal server error"}',
      kind: 'server_error',
      retryable: true,
    },
    { status: 502, body: '<html>Bad Gateway</html>', kind: 'server_error', retryable: true },
  ],
  malformedBody: { output: { message: { role: 'assistant', content: 'not blocks' } } },
});
