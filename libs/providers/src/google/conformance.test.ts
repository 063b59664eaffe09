import { readFileSync } from 'node:fs';
import { describeAdapterConformance } from '../conformance/describe-adapter-conformance.js';
import { createGoogleAdapter } from './google-adapter.js';

const text = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(text(name));

describeAdapterConformance(createGoogleAdapter(), {
  text: {
    body: json('generate-content.json'),
    content: 'The image shows a wooden boardwalk path running through a lush green field.',
    finishReason: 'stop',
    usage: { promptTokens: 1117, completionTokens: 46, cachedTokens: 1024, reasoningTokens: 30 },
  },
  textStream: {
    sse: text('stream-text.sse'),
    content: 'Hello! How can I help you today? 👋',
    usage: { promptTokens: 8, completionTokens: 36, cachedTokens: 0, reasoningTokens: 27 },
  },
  toolCall: {
    body: json('generate-content-function-call.json'),
    name: 'get_current_weather',
    arguments: { location: 'Boston, MA' },
  },
  toolCallStream: {
    sse: text('stream-function-call.sse'),
    name: 'get_weather',
    arguments: { location: 'Paris, France' },
  },
  errors: [
    {
      status: 429,
      body: text('error-rate-limit.json'),
      kind: 'rate_limited',
      retryable: true,
    },
    {
      status: 400,
      body: '{"error":{"code":400,"message":"* GenerateContentRequest.contents: contents is not specified\\n","status":"INVALID_ARGUMENT"}}',
      kind: 'invalid_request',
      retryable: false,
    },
    {
      status: 400,
      body: text('error-api-key-invalid.json'),
      kind: 'authentication',
      retryable: false,
    },
    {
      status: 403,
      body: '{"error":{"code":403,"message":"Method doesn\'t allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.","status":"PERMISSION_DENIED"}}',
      kind: 'authentication',
      retryable: false,
    },
    {
      status: 404,
      body: '{"error":{"code":404,"message":"models/gemini-0.1 is not found for API version v1beta, or is not supported for generateContent.","status":"NOT_FOUND"}}',
      kind: 'not_found',
      retryable: false,
    },
    {
      status: 500,
      body: '{"error":{"code":500,"message":"An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting","status":"INTERNAL"}}',
      kind: 'server_error',
      retryable: true,
    },
    { status: 503, body: text('error-unavailable.json'), kind: 'overloaded', retryable: true },
  ],
  malformedBody: {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content: 'hi' } }],
  },
});
