import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY } from './support/fake-config.js';
import { type RequestLogAdmin, requestLogAdmin } from './support/request-log-admin.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// A native Response (an OpenAI route) in the request log and the ledger: OpenAI repeats the
// request's instructions and tools in every Response it sends, as the fake does. Through the
// real standalone process, the openai SDK (or fetch, to leave mid-stream) and the embedded Postgres.

const yaml = `
providers:
  - name: native
    type: openai
    base_url: \${FAKE_URL}
    keys: [${FAKE_UPSTREAM_KEY}]
models:
  - { id: native/gpt, upstream_model: gpt-test, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
  - { id: native/slow-stream-150, context_length: 200000, pricing: { prompt: "0.000001", completion: "0.000002" } }
`;

let fake: FakeOpenAI;
let standalone: Standalone;
let findLogged: RequestLogAdmin['findLogged'];
let logged: { id: string; secret: string };
let quiet: { id: string; secret: string };

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
  standalone = await startStandalone({ yaml, env: { FAKE_URL: fake.url } });
  const admin = requestLogAdmin(standalone);
  findLogged = admin.findLogged;
  logged = await admin.createKey('logged', true);
  quiet = await admin.createKey('quiet', false);
}, 90_000);

afterAll(async () => {
  await standalone?.stop();
  await fake?.close();
});

const openai = (secret: string) =>
  new OpenAI({ baseURL: standalone.baseUrl, apiKey: secret, maxRetries: 0 });

describe('native Responses in the request log and the ledger', () => {
  it('logs a native Response as the client got it, naming the model that served', async () => {
    const { data, response } = await openai(logged.secret)
      .responses.create({ model: 'native/gpt', instructions: 'Be terse.', input: 'hello' })
      .withResponse();
    expect(data).toMatchObject({ model: 'native/gpt', instructions: 'Be terse.' });
    const entry = await findLogged(response.headers.get('x-request-id'));
    expect(JSON.parse(entry.bodies?.response ?? '')).toMatchObject({
      id: data.id,
      model: 'native/gpt',
      instructions: 'Be terse.',
      output: data.output,
    });
  });

  it('estimates the output of a Codex-sized Responses stream the client left, from its deltas', async () => {
    // OpenAI repeats the ~80 KB of instructions in response.created and .in_progress: more than
    // the 64 KiB of answer kept for an estimate (the key logs no bodies). Such a stream cut
    // before response.completed was once estimated at 0 output tokens.
    const controller = new AbortController();
    const response = await fetch(`${standalone.baseUrl}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${quiet.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'native/slow-stream-150',
        instructions: 'Follow the rules of the workspace. '.repeat(2400),
        input: 'one two three four five six seven eight',
        stream: true,
      }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    let received = '';
    while (!received.includes('response.output_text.delta')) {
      const read = await reader?.read();
      if (read === undefined || read.done) break;
      received += new TextDecoder().decode(read.value);
    }
    expect(received).toContain('"instructions":"Follow the rules');
    controller.abort();
    const entry = await findLogged(response.headers.get('x-request-id'));
    expect(entry).toMatchObject({
      key_id: quiet.id,
      status: 499,
      error_code: 'client_closed',
      usage_source: 'partial',
    });
    expect(entry.prompt_tokens).toBeGreaterThan(10_000);
    expect(entry.completion_tokens).toBeGreaterThan(0);
    expect(entry.completion_tokens).toBeLessThan(10);
  });
});
