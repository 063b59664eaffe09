import { afterEach, describe, expect, it } from 'vitest';
import { bearerToken } from './bearer-token.js';
import { checkPresentedKey } from './check-presented-key.js';
import { createFakePool } from './create-fake-pool.js';
import type { FakeDialect } from './fake-dialect.js';
import { parseFakeScenario } from './fake-scenario.js';
import type { FakeStreamFraming } from './fake-stream-framing.js';
import { sendJson } from './send-json.js';
import { type FakeUpstream, startFakeUpstream } from './start-fake-upstream.js';
import { waitUntil } from './wait-until.js';

/** A made-up provider: what a new dialect declares, with a binary (length-prefixed) framing. */
interface TestError {
  readonly status: number;
  readonly message: string;
}

const lengthPrefixed: FakeStreamFraming = {
  contentType: 'application/x-test-frames',
  encode(event) {
    const payload = Buffer.from(JSON.stringify(event.data));
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(payload.length);
    return Buffer.concat([prefix, payload]);
  },
  trailer: [Uint8Array.of(0, 0, 0, 0)],
  garbage: [Uint8Array.of(0, 0, 0, 2, 0xff, 0xfe)],
};

const testDialect: FakeDialect<TestError> = {
  basePath: '/api',
  requestId: { header: 'x-test-id', prefix: 'test_' },
  authenticate(request) {
    const verdict = checkPresentedKey(bearerToken(request.headers.authorization), ['tk-good']);
    return verdict === 'accepted' ? undefined : { status: 401, message: `key ${verdict}` };
  },
  routes: [
    {
      method: 'POST',
      path: /^\/api\/models\/([^/]+)\/say$/,
      answer(call) {
        const [model = ''] = call.params;
        if (model === 'throws') throw new Error('the route broke');
        const words = typeof call.body === 'object' && call.body !== null ? ['a', 'b', 'c'] : [];
        if (words.length === 0) return { kind: 'refuse', error: { status: 422, message: 'no' } };
        const stream = call.request.url.searchParams.has('stream');
        return {
          kind: 'answer',
          model,
          scenario: parseFakeScenario(model, [
            'garbage',
            'break-stream',
            'stall-headers',
            'stall-stream',
          ]),
          stream,
          reply: () =>
            stream
              ? { kind: 'stream', framing: lengthPrefixed, events: words.map((data) => ({ data })) }
              : { kind: 'json', text: JSON.stringify({ said: words, id: call.requestId }) },
        };
      },
    },
  ],
  errors: {
    write: (response, error) =>
      sendJson(
        response,
        error.status,
        JSON.stringify({ fault: error.message }),
        'application/json',
      ),
    notFound: (method, path) => ({ status: 404, message: `${method} ${path}` }),
    invalidJson: (bodyText) => ({ status: 400, message: `not JSON: ${bodyText}` }),
    failed: (message) => ({ status: 500, message }),
    scenario: (status, model) => ({ status, message: `${model} asked for it` }),
  },
  jsonContentType: 'application/json',
};

const fakes = createFakePool((dialect: FakeDialect<TestError>) => startFakeUpstream(dialect));
afterEach(() => fakes.closeAll());
const start = (): Promise<FakeUpstream> => fakes.start(testDialect);

function say(fake: FakeUpstream, model: string, init: { stream?: boolean; body?: string } = {}) {
  return fetch(`${fake.url}/models/${model}/say${init.stream ? '?stream' : ''}`, {
    method: 'POST',
    headers: { authorization: 'Bearer tk-good' },
    body: init.body ?? '{}',
  });
}

/** The frames of a length-prefixed body, as JSON values (`undefined` for the empty trailer). */
function frames(bytes: Buffer): unknown[] {
  const values: unknown[] = [];
  for (let offset = 0; offset + 4 <= bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const payload = bytes.subarray(offset + 4, offset + 4 + length).toString();
    values.push(length === 0 ? undefined : JSON.parse(payload));
    offset += 4 + length;
  }
  return values;
}

describe('startFakeUpstream', () => {
  it('serves the dialect under its base path, with its request id, and records every request', async () => {
    const fake = await start();
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    const response = await say(fake, 'm', { body: '{"n":1}' });
    const id = response.headers.get('x-test-id');
    expect(id).toMatch(/^test_[0-9a-f]{24}$/);
    expect(await response.json()).toEqual({ said: ['a', 'b', 'c'], id });
    expect(fake.requests).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/models/m/say', body: { n: 1 } }),
    ]);
    fake.reset();
    expect(fake.requests).toEqual([]);
  });

  it('answers with the dialect’s errors: auth, unknown route, body not JSON, refusal, a failing route', async () => {
    const fake = await start();
    const anonymous = await fetch(`${fake.url}/models/m/say`, { method: 'POST', body: '{}' });
    expect([anonymous.status, await anonymous.json()]).toEqual([401, { fault: 'key missing' }]);
    const unknown = await fetch(`${fake.url}/nowhere`, {
      headers: { authorization: 'Bearer tk-good' },
    });
    expect([unknown.status, await unknown.json()]).toEqual([404, { fault: 'GET /api/nowhere' }]);
    const notJson = await say(fake, 'm', { body: 'oops' });
    expect([notJson.status, await notJson.json()]).toEqual([400, { fault: 'not JSON: oops' }]);
    const refused = await say(fake, 'm', { body: 'null' });
    expect([refused.status, await refused.json()]).toEqual([422, { fault: 'no' }]);
    const broken = await say(fake, 'throws');
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ fault: 'The fake upstream failed: the route broke' });
  });

  it('runs the core scenarios the dialect lists, in its error body and framing', async () => {
    const fake = await start();
    const failed = await say(fake, 'error-503');
    expect([failed.status, await failed.json()]).toEqual([
      503,
      { fault: 'error-503 asked for it' },
    ]);
    const leak = await say(fake, 'error-leak');
    expect(leak.status).toBe(200);
    const garbage = await say(fake, 'garbage');
    expect(await garbage.text()).toContain('this is not JSON');
    const garbledStream = await say(fake, 'garbage', { stream: true });
    expect([...Buffer.from(await garbledStream.arrayBuffer())]).toEqual([
      0, 0, 0, 2, 255, 254, 0, 0, 0, 0,
    ]);
  });

  it('streams byte frames one by one, then the trailer; break-stream cuts after two', async () => {
    const fake = await start();
    const streamed = await say(fake, 'm', { stream: true });
    expect(streamed.headers.get('content-type')).toBe('application/x-test-frames');
    expect(frames(Buffer.from(await streamed.arrayBuffer()))).toEqual(['a', 'b', 'c', undefined]);
    const cut = await say(fake, 'break-stream', { stream: true });
    await expect(cut.arrayBuffer()).rejects.toThrow();
  });

  it('counts a stream the client left as aborted, and active while it runs', async () => {
    const fake = await start();
    const controller = new AbortController();
    const response = await fetch(`${fake.url}/models/stall-stream/say?stream`, {
      method: 'POST',
      headers: { authorization: 'Bearer tk-good' },
      body: '{}',
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    expect(frames(Buffer.from((await reader?.read())?.value ?? []))).toEqual(['a']);
    expect(fake.stats.active).toBe(1);
    controller.abort();
    await waitUntil(() => fake.stats.aborted === 1);
    expect(fake.stats).toMatchObject({ active: 0, aborted: 1, completed: 0 });
  });

  it('counts a stalled request the client left as aborted, and closes with it still open', async () => {
    const fake = await start();
    const controller = new AbortController();
    const stalled = fetch(`${fake.url}/models/stall-headers/say`, {
      method: 'POST',
      headers: { authorization: 'Bearer tk-good' },
      body: '{}',
      signal: controller.signal,
    }).catch(() => undefined);
    await waitUntil(() => fake.stats.active > 0);
    controller.abort();
    await stalled;
    await waitUntil(() => fake.stats.aborted > 0);
    expect(fake.stats).toMatchObject({ active: 0, aborted: 1 });
    void fetch(`${fake.url}/models/stall-headers/say`, {
      method: 'POST',
      headers: { authorization: 'Bearer tk-good' },
      body: '{}',
    }).catch(() => undefined);
    await waitUntil(() => fake.stats.active > 0);
    await fake.close();
  });
});
