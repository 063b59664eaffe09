import Anthropic from '@anthropic-ai/sdk';
import {
  type FakeGoogle,
  type FakeOpenAI,
  startFakeGoogle,
  startFakeOpenAI,
} from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// The official @anthropic-ai/sdk with `thinking` on, against routes that are not Anthropic's:
// their reasoning comes back as Anthropic thinking blocks, streamed and not. OpenRouter sends
// `reasoning` with signed `reasoning_details`, DeepSeek and vLLM `reasoning_content`, Gemini
// thought parts.

const MASTER_KEY = 'sk-sy-e2e-messages-reasoning';
const OPENROUTER_KEY = 'sk-or-v1-fake-upstream-0123456789';
const GOOGLE_KEY = 'AIzaSyFakeUpstreamKey0123456789abcdef';
/** The fake's reasoning signature (base64 of "fake reasoning signature"). */
const SIGNATURE = Buffer.from('fake reasoning signature').toString('base64');

let openai: FakeOpenAI;
let google: FakeGoogle;
let gateway: Standalone;
let anthropic: Anthropic;

beforeAll(async () => {
  [openai, google] = await Promise.all([
    startFakeOpenAI({ apiKeys: [OPENROUTER_KEY] }),
    startFakeGoogle({ apiKeys: [GOOGLE_KEY] }),
  ]);
  const yaml = `
providers:
  - { name: openrouter, type: openrouter, base_url: "${openai.url}", keys: [${OPENROUTER_KEY}] }
  - { name: vllm, type: openai-compatible, base_url: "${openai.url}", keys: [${OPENROUTER_KEY}] }
models:
  - { id: openrouter/thinker, upstream_model: reasoning, context_length: 200000, max_output_tokens: 8192 }
  - { id: vllm/thinker, upstream_model: reasoning-content, context_length: 131072, max_output_tokens: 8192 }
  - { id: google/gemini-test, upstream_model: gemini-test, context_length: 1048576, max_output_tokens: 65536 }
`;
  gateway = await startStandalone({
    yaml,
    env: {
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      GOOGLE_API_KEY: GOOGLE_KEY,
      GOOGLE_BASE_URL: google.url,
    },
  });
  anthropic = new Anthropic({ baseURL: gateway.origin, apiKey: MASTER_KEY, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await gateway?.stop();
  await Promise.all([openai?.close(), google?.close()]);
});

const request = (model: string, text: string) => ({
  model,
  max_tokens: 4096,
  thinking: { type: 'enabled' as const, budget_tokens: 2048 },
  messages: [{ role: 'user' as const, content: text }],
});

describe.each([
  ['openrouter/thinker', 'OpenRouter reasoning_details', SIGNATURE],
  ['vllm/thinker', 'reasoning_content', ''],
  ['google/gemini-test', 'Gemini thought parts', ''],
] as const)('thinking from %s (%s) with @anthropic-ai/sdk', (model, _style, signature) => {
  it('comes back as a thinking block before the text', async () => {
    const message = await anthropic.messages.create(request(model, 'why is the sky blue'));
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Thinking about: why is the sky blue', signature },
      { type: 'text', text: 'Echo: why is the sky blue' },
    ]);
    // The upstream was asked to reason: no thinking is made up for a request that did not.
    const plain = await anthropic.messages.create({
      model,
      max_tokens: 100,
      messages: [{ role: 'user', content: 'no thinking' }],
    });
    expect(plain.content.map((block) => block.type)).toEqual(['text']);
  });

  it('streams it as thinking_delta events, then the text', async () => {
    const stream = anthropic.messages.stream(request(model, 'stream your thoughts'));
    const deltas: string[] = [];
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_delta') deltas.push(event.delta.type);
    });
    const final = await stream.finalMessage();
    // The block as Anthropic opens it (`signature: ""`), then the signature when one was sent.
    expect(final.content).toHaveLength(2);
    expect(final.content).toMatchObject([
      { type: 'thinking', thinking: 'Thinking about: stream your thoughts', signature },
      { type: 'text', text: 'Echo: stream your thoughts' },
    ]);
    expect(deltas).toContain('thinking_delta');
    expect(deltas.indexOf('thinking_delta')).toBeLessThan(deltas.indexOf('text_delta'));
    if (signature !== '') expect(deltas).toContain('signature_delta');
  });
});
