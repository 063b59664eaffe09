import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY, fakeConfigYaml } from './support/fake-config.js';
import { runStandaloneExpectingFailure, startStandalone } from './support/start-standalone.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
});
afterAll(async () => {
  await fake?.close();
});

describe('standalone start', () => {
  it('serves the usual OpenAI models with only OPENAI_BASE_URL and OPENAI_API_KEY set', async () => {
    const gateway = await startStandalone({
      env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: FAKE_UPSTREAM_KEY },
    });
    try {
      expect(gateway.printedKey).toMatch(/^sk-sy-[A-Za-z0-9_-]{43}$/);
      const client = new OpenAI({
        baseURL: gateway.baseUrl,
        apiKey: gateway.printedKey,
        maxRetries: 0,
      });
      const completion = await client.chat.completions.create({
        model: 'openai/gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(completion.choices[0]?.message.content).toBe('Echo: hi');
      expect(fake.requests.at(-1)?.body).toMatchObject({ model: 'gpt-4o-mini' });
      const ids = (await client.models.list()).data.map((model) => model.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'openai/gpt-4o',
          'openai/gpt-4o-mini',
          'openai/text-embedding-3-small',
        ]),
      );
    } finally {
      await gateway.stop();
    }
  });

  it('generates a master key once, keeps it private on disk, and reuses it on restart', async () => {
    const first = await startStandalone({ env: { OPENAI_BASE_URL: fake.url } });
    await first.stop();
    const keyFile = /kept in (\S+)\)/.exec(first.output())?.[1] ?? '';
    expect(existsSync(keyFile)).toBe(true);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(first.printedKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const second = await startStandalone({
      env: { OPENAI_BASE_URL: fake.url, SWITCHYARD_DATA_DIR: join(keyFile, '..') },
    });
    await second.stop();
    expect(second.printedKey).toBe(first.printedKey);
  });

  it('does not print a master key that came from the environment', async () => {
    const gateway = await startStandalone({
      env: { OPENAI_BASE_URL: fake.url, SWITCHYARD_MASTER_KEY: 'sk-sy-operator-chosen-secret' },
    });
    await gateway.stop();
    expect(gateway.output()).not.toContain('sk-sy-operator-chosen-secret');
    expect(gateway.output()).toContain('from SWITCHYARD_MASTER_KEY');
  });

  it('refuses to start on a bad config, naming every problem with file and path', async () => {
    const yaml = `
server: { port: 99999 }
providers:
  - { name: local, type: carrier-pigeon, base_url: "not a url" }
models:
  - { id: nomodel, context_length: -1 }
`;
    const { code, output } = await runStandaloneExpectingFailure({
      yaml,
      env: { LOG_LEVEL: 'loud' },
    });
    expect(code).toBe(1);
    expect(output).toMatch(/switchyard\.yaml: server\.port: /);
    expect(output).toMatch(/switchyard\.yaml: providers\[0\]\.type: /);
    expect(output).toMatch(/switchyard\.yaml: providers\[0\]\.base_url: /);
    expect(output).toMatch(/switchyard\.yaml: models\[0\]\.id: /);
    expect(output).toMatch(/switchyard\.yaml: models\[0\]\.context_length: /);
    expect(output).toMatch(/env: LOG_LEVEL: /);
  });
});

describe('operations', () => {
  it('answers /livez, /readyz and /metrics with request metrics by route, status, model and provider', async () => {
    const gateway = await startStandalone({
      yaml: fakeConfigYaml(),
      env: { FAKE_URL: fake.url, SWITCHYARD_MASTER_KEY: 'sk-sy-ops' },
    });
    try {
      expect((await fetch(`${gateway.origin}/livez`)).status).toBe(200);
      expect(await (await fetch(`${gateway.origin}/readyz`)).json()).toEqual({ status: 'ready' });
      const client = new OpenAI({ baseURL: gateway.baseUrl, apiKey: 'sk-sy-ops', maxRetries: 0 });
      await client.chat.completions.create({
        model: 'fake/gpt',
        messages: [{ role: 'user', content: 'count me' }],
      });
      await client.chat.completions
        .create({ model: 'fake/error-500', messages: [{ role: 'user', content: 'x' }] })
        .catch(() => {});
      const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
      expect(metrics).toContain('process_cpu_user_seconds_total');
      expect(metrics).toMatch(
        /switchyard_http_requests_total\{route="\/v1\/chat\/completions",method="POST",status="200",model="fake\/gpt",provider="fake"[^}]*\} 1/,
      );
      expect(metrics).toMatch(
        /switchyard_http_requests_total\{[^}]*status="502",model="fake\/error-500"[^}]*\} 1/,
      );
      expect(metrics).toMatch(
        /switchyard_http_request_duration_seconds_count\{[^}]*model="fake\/gpt"[^}]*\} 1/,
      );
      expect(metrics).toMatch(
        /switchyard_cost_usd_total\{model="fake\/gpt",provider="fake"[^}]*\} [0-9.e-]+/,
      );
    } finally {
      await gateway.stop();
    }
  });

  it('lets an in-flight stream finish on SIGTERM, refusing new connections, then exits 0', async () => {
    const gateway = await startStandalone({
      yaml: fakeConfigYaml(),
      env: { FAKE_URL: fake.url, SWITCHYARD_MASTER_KEY: 'sk-sy-drain' },
    });
    const client = new OpenAI({ baseURL: gateway.baseUrl, apiKey: 'sk-sy-drain', maxRetries: 0 });
    const words = 'one two three four five six seven eight';
    const stream = await client.chat.completions.create({
      model: 'fake/slow-stream-100',
      messages: [{ role: 'user', content: words }],
      stream: true,
    });
    const exit = gateway.stop('SIGTERM');
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(`Echo: ${words}`);
    expect(await exit).toBe(0);
    await expect(fetch(`${gateway.origin}/livez`)).rejects.toThrow();
  });
});
