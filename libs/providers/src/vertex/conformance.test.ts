import { readFileSync } from 'node:fs';
import {
  type ConformanceFixtures,
  describeAdapterConformance,
} from '../conformance/describe-adapter-conformance.js';
import { createVertexAnthropicAdapter } from './create-vertex-anthropic-adapter.js';
import { createVertexGeminiAdapter } from './create-vertex-gemini-adapter.js';

const text = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(text(name));

/** Vertex's own errors, in Google's shape, whichever publisher's model was called. */
const vertexErrors: ConformanceFixtures['errors'] = [
  {
    status: 429,
    body: text('error-resource-exhausted.json'),
    kind: 'rate_limited',
    retryable: true,
  },
  {
    status: 401,
    body: text('error-unauthenticated.json'),
    kind: 'authentication',
    retryable: false,
  },
  {
    status: 403,
    body: text('error-permission-denied.json'),
    kind: 'authentication',
    retryable: false,
  },
  {
    status: 404,
    body: '{"error":{"code":404,"message":"Publisher Model `projects/acme-prod/locations/us-central1/publishers/google/models/gemini-0.1` not found.","status":"NOT_FOUND"}}',
    kind: 'not_found',
    retryable: false,
  },
  {
    status: 503,
    body: '{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}',
    kind: 'overloaded',
    retryable: true,
  },
];

// Gemini on Vertex: the Gemini API's bodies plus createTime and trafficType, SSE framed with CRLF.
describeAdapterConformance(createVertexGeminiAdapter(), {
  text: {
    body: json('gemini-generate-content.json'),
    content: 'The image shows a wooden boardwalk path running through a lush green field.',
    finishReason: 'stop',
    usage: { promptTokens: 1117, completionTokens: 46, cachedTokens: 1024, reasoningTokens: 30 },
  },
  textStream: {
    sse: text('gemini-stream-text.sse'),
    content: 'Hello! How can I help you today? 👋',
    usage: { promptTokens: 8, completionTokens: 36, cachedTokens: 0, reasoningTokens: 27 },
  },
  toolCall: {
    body: json('gemini-generate-content-function-call.json'),
    name: 'get_current_weather',
    arguments: { location: 'Boston, MA' },
  },
  toolCallStream: {
    sse: text('gemini-stream-function-call.sse'),
    name: 'get_weather',
    arguments: { location: 'Paris, France' },
  },
  errors: vertexErrors,
  malformedBody: { predictions: [] },
});

// Claude on Vertex: Anthropic's Messages bodies and events as they are, plus Anthropic-shaped errors.
describeAdapterConformance(createVertexAnthropicAdapter(), {
  text: {
    body: json('claude-message-text.json'),
    content: 'The Eiffel Tower is about 330 metres tall, including its antennas.',
    finishReason: 'stop',
    usage: { promptTokens: 2062, completionTokens: 21, cachedTokens: 2048, reasoningTokens: 0 },
  },
  textStream: {
    sse: text('claude-stream-text.sse'),
    content: 'Hello! How can I help you today? 😊',
    usage: { promptTokens: 19, completionTokens: 12, cachedTokens: 0, reasoningTokens: 0 },
  },
  toolCall: {
    body: json('claude-message-tool-use.json'),
    name: 'get_weather',
    arguments: { location: 'Paris, France', unit: 'celsius' },
  },
  toolCallStream: {
    sse: text('claude-stream-tool-use.sse'),
    name: 'get_weather',
    arguments: { location: 'Paris, France', unit: 'celsius' },
  },
  errors: [
    ...vertexErrors,
    {
      status: 529,
      body: text('claude-error-overloaded.json'),
      kind: 'overloaded',
      retryable: true,
    },
  ],
  malformedBody: { id: 'msg_vrtx_01', type: 'message', role: 'assistant', content: 'not blocks' },
});
