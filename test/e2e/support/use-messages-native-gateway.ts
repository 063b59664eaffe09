import Anthropic from '@anthropic-ai/sdk';
import {
  type FakeAnthropic,
  type FakeGoogle,
  type FakeOpenAI,
  startFakeAnthropic,
  startFakeGoogle,
  startFakeOpenAI,
} from '@switchyard/testing';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type Standalone, startStandalone } from './start-standalone.js';

// The gateway the /v1/messages native e2e files share the shape of: a standalone with a fake
// Anthropic, a fake Google and an OpenAI-compatible backup, and the official SDK pointed at it
// through a fetch that records what it sent and received. Each file starts its own.

const MASTER_KEY = 'sk-sy-e2e-messages-native';
export const UPSTREAM_KEY = 'sk-ant-upstream-native-0123456789';
const GOOGLE_KEY = 'AIzaSyFakeNativeUpstreamKey0123456789';
export const BETAS = 'interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14';
const PRICES = {
  prompt: '0.000003',
  completion: '0.000015',
  cached_prompt: '0.0000003',
  cache_write: '0.00000375',
  cache_write_1h: '0.000006',
};
export let fake: FakeAnthropic;
export let backup: FakeOpenAI;
export let google: FakeGoogle;
let gateway: Standalone;
export let anthropic: Anthropic;
/** What the SDK last sent, and the body text it last received. */
export let sent = '';
export let received: Promise<string> = Promise.resolve('');

const recordingFetch: typeof fetch = async (input, init) => {
  sent = typeof init?.body === 'string' ? init.body : '';
  const response = await fetch(input, init);
  if (response.body === null) return response;
  const [forSdk, forTest] = response.body.tee();
  received = new Response(forTest).text();
  return new Response(forSdk, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

/** Starts this file's fakes and gateway before its tests and stops them after; resets the fake per test. */
export function useMessagesNativeGateway(): void {
  beforeAll(async () => {
    [fake, backup, google] = await Promise.all([
      startFakeAnthropic({ apiKeys: [UPSTREAM_KEY] }),
      startFakeOpenAI(),
      startFakeGoogle({ apiKeys: [GOOGLE_KEY] }),
    ]);
    const pricing = `pricing: ${JSON.stringify(PRICES)}`;
    const yaml = `
upstream: { first_byte_timeout_ms: 2000, idle_timeout_ms: 2000 }
providers:
  - { name: backup, type: openai-compatible, base_url: "${backup.url}" }
models:
  - { id: anthropic/claude-test, upstream_model: claude-test, context_length: 200000, max_output_tokens: 8192, ${pricing} }
  - { id: backup/gpt-test, upstream_model: gpt-test, context_length: 100000, max_output_tokens: 4096 }
  - { id: google/gemini-test, upstream_model: gemini-test, context_length: 1048576, max_output_tokens: 65536, pricing: { prompt: "0.0000003", completion: "0.0000025" } }
  - id: anthropic/flaky
    context_length: 200000
    max_output_tokens: 8192
    routes:
      - { provider: anthropic, upstream_model: error-529 }
      - { provider: anthropic, upstream_model: claude-test, priority: 1 }
`;
    gateway = await startStandalone({
      yaml,
      env: {
        SWITCHYARD_MASTER_KEY: MASTER_KEY,
        ANTHROPIC_API_KEY: UPSTREAM_KEY,
        ANTHROPIC_BASE_URL: fake.url,
        GOOGLE_API_KEY: GOOGLE_KEY,
        GOOGLE_BASE_URL: google.url,
      },
    });
    anthropic = new Anthropic({
      baseURL: gateway.origin,
      apiKey: MASTER_KEY,
      maxRetries: 0,
      fetch: recordingFetch,
      defaultHeaders: { 'anthropic-beta': BETAS },
    });
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([fake?.close(), backup?.close(), google?.close()]);
  });
  beforeEach(() => fake.reset());
}

export const lastUpstream = () => {
  const request = fake.requests.at(-1);
  if (request === undefined) throw new Error('the fake received no request');
  return request;
};

/** The SDK's body with the gateway's model id replaced by the upstream's, as the fake must get it. */
export const asForwarded = (body: string, from: string, to: string) =>
  body.replace(`"model":${JSON.stringify(from)}`, `"model":${JSON.stringify(to)}`);

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a place',
  input_schema: { type: 'object' as const, properties: { input: { type: 'string' } } },
  cache_control: { type: 'ephemeral' as const },
};

/** An agent-like request: thinking on, cache marks on system, tools and the last user turn. */
export function agentRequest(userText: string, tools: boolean) {
  return {
    model: 'anthropic/claude-test',
    max_tokens: 4096,
    thinking: { type: 'enabled' as const, budget_tokens: 2048 },
    system: [
      { type: 'text' as const, text: 'You are a careful coding agent.' },
      {
        type: 'text' as const,
        text: 'Project rules: small files, tests first.',
        cache_control: { type: 'ephemeral' as const, ttl: '1h' as const },
      },
    ],
    ...(tools && { tools: [weatherTool] }),
    messages: [
      {
        role: 'user' as const,
        content: [
          {
            type: 'text' as const,
            text: userText,
            cache_control: { type: 'ephemeral' as const },
          },
        ],
      },
    ],
  };
}

interface LedgerEvent {
  cost_usd: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  usage_source: string;
  extra?: Record<string, unknown>;
  cache_write_tokens?: number;
  cache_write_1h_tokens?: number;
}

/** The ledger's row of a request, once accounting has stored it. */
export async function ledgerRow(requestId: string): Promise<LedgerEvent> {
  let row: LedgerEvent | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${gateway.origin}/admin/v1/usage/events/${requestId}`, {
          headers: { authorization: `Bearer ${MASTER_KEY}` },
        });
        if (response.status !== 200) return response.status;
        const body = (await response.json()) as { data?: LedgerEvent } & LedgerEvent;
        row = body.data ?? body;
        return 200;
      },
      { timeout: 15_000 },
    )
    .toBe(200);
  if (row === undefined) throw new Error('no ledger row');
  return row;
}
