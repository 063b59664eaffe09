import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY, fakeConfigYaml } from './support/fake-config.js';
import { readIcMisses } from './support/read-ic-log.js';
import { type RunningService, startService } from './support/start-service.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// What the images run: `pnpm build`'s bundles, started with plain node (no tsx, no esbuild at run
// time), so the compiled output cannot rot unseen.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MASTER_KEY = 'sk-sy-e2e-master-key-compiled';
let fake: FakeOpenAI;
let gateway: RunningService | undefined;
let standalone: Standalone | undefined;
let started: Standalone | undefined;

beforeAll(async () => {
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/build/main.ts', 'gateway', 'standalone'],
    { cwd: REPO_ROOT, timeout: 300_000 },
  );
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
}, 310_000);
afterAll(async () => {
  await gateway?.stop();
  await standalone?.stop();
  await started?.stop();
  await fake?.close();
});

async function chat(origin: string, fields: Record<string, unknown> = {}): Promise<Response> {
  return fetch(`${origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'fake/gpt',
      messages: [{ role: 'user', content: 'hello' }],
      ...fields,
    }),
  });
}

async function waitForReady(origin: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (
    (await fetch(`${origin}/readyz`).then(
      (r) => r.status,
      () => 0,
    )) !== 200
  ) {
    if (Date.now() > deadline) throw new Error(`${origin} never became ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('compiled output (pnpm build)', () => {
  it('runs the gateway alone from dist/main.js: ready, and a chat completion served', async () => {
    const configFile = join(mkdtempSync(join(tmpdir(), 'switchyard-compiled-')), 'config.yaml');
    writeFileSync(configFile, fakeConfigYaml());
    gateway = await startService(
      'gateway',
      { SWITCHYARD_MASTER_KEY: MASTER_KEY, SWITCHYARD_CONFIG: configFile, FAKE_URL: fake.url },
      30_000,
      { compiled: true },
    );
    await waitForReady(gateway.origin);
    const response = await chat(gateway.origin);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]?.message.content).toBe('Echo: hello');
    // Near the context window the prompt is counted: the tokenizer, loaded on first use, works.
    expect((await chat(gateway.origin, { max_tokens: 8_190 })).status).toBe(200);
    const sent = fake.requests.at(-1)?.body as { max_tokens: number };
    expect(sent.max_tokens).toBeLessThan(8_190);
  }, 60_000);

  it('runs standalone from dist/main.js: PGlite in its worker, a completion, the prebuilt UI', async () => {
    standalone = await startStandalone({
      yaml: fakeConfigYaml(),
      env: { FAKE_URL: fake.url, SWITCHYARD_MASTER_KEY: MASTER_KEY },
      compiled: true,
    });
    // Ready means the embedded database (PGlite's worker bundle and its files) started.
    expect((await fetch(`${standalone.origin}/readyz`)).status).toBe(200);
    const response = await chat(standalone.origin);
    expect(response.status).toBe(200);
    const teams = await fetch(`${standalone.origin}/admin/v1/teams`, {
      headers: { authorization: `Bearer ${MASTER_KEY}` },
    });
    expect(teams.status).toBe(200);
    const page = await (await fetch(`${standalone.origin}/console/`)).text();
    const script = /src="(\/console\/assets\/app-[0-9a-f]{12}\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${standalone.origin}${script}`);
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(10_000);
  }, 90_000);

  it('pnpm start runs the bundle it finds up to date, without building it again', async () => {
    started = await startStandalone({
      yaml: fakeConfigYaml(),
      env: { FAKE_URL: fake.url, SWITCHYARD_MASTER_KEY: MASTER_KEY },
      startScript: true,
    });
    expect(started.output()).not.toContain('building the standalone bundle');
    expect((await chat(started.origin)).status).toBe(200);
  }, 90_000);

  it('serves chats, streams and Responses with no inline-cache miss per request in its own code', async () => {
    // V8 logs every inline-cache miss (--log-ic). A site that misses on every request reads
    // objects whose hidden classes are new each time: on Node 20 an object literal that begins
    // with a spread and gains keys (`{ ...options, signal }`), and every AbortSignal. Each such
    // miss is a runtime call, and each new hidden class is a map allocated in the old generation,
    // which kept the young objects it reached alive (the young-generation survival the bench
    // measures). After warm-up the request path is expected to hit its caches. What it sees: named
    // loads and stores (megamorphic keyed ones and JSON.stringify log nothing), with tracing off
    // and an OpenAI-compatible upstream; both causes are Node 20's (the images run Node 24).
    const directory = mkdtempSync(join(tmpdir(), 'switchyard-ic-'));
    const configFile = join(directory, 'config.yaml');
    writeFileSync(configFile, fakeConfigYaml());
    const log = join(directory, 'ic.log');
    const service = await startService(
      'gateway',
      { SWITCHYARD_MASTER_KEY: MASTER_KEY, SWITCHYARD_CONFIG: configFile, FAKE_URL: fake.url },
      30_000,
      { compiled: true, nodeFlags: ['--log-ic', `--logfile=${log}`, '--no-logfile-per-isolate'] },
    );
    const requests = 300;
    try {
      await waitForReady(service.origin);
      for (let index = 0; index < requests; index += 1) {
        const json = await chat(service.origin);
        expect(json.status).toBe(200);
        await json.arrayBuffer();
        const stream = await chat(service.origin, {
          stream: true,
          stream_options: { include_usage: true },
        });
        expect(stream.status).toBe(200);
        expect(await stream.text()).toContain('"cost"');
        // The Responses API (Codex, the Agents SDK) translated to chat: an event per delta.
        const responses = await fetch(`${service.origin}/v1/responses`, {
          method: 'POST',
          headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'fake/gpt', input: 'hello', stream: true, store: false }),
        });
        expect(responses.status).toBe(200);
        expect(await responses.text()).toContain('response.completed');
      }
    } finally {
      await service.stop();
    }
    const sites = readIcMisses(readFileSync(log, 'latin1'), 'services/gateway/dist/');
    rmSync(directory, { recursive: true, force: true });
    // The log was read: warm-up misses in the bundle are there, only none per request.
    expect(sites.length).toBeGreaterThan(100);
    const perRequest = sites
      .filter((site) => site.misses >= requests / 2)
      .map(
        (site) =>
          `${site.misses}× ${site.kind} .${site.key} at ${site.code} ${site.line}:${site.column}`,
      );
    expect(perRequest).toEqual([]);
  }, 120_000);
});
