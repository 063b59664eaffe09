import { Sha256 } from '@aws-crypto/sha256-js';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { SignatureV4 } from '@smithy/signature-v4';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeBedrock, startFakeBedrock } from './start-fake-bedrock.js';

const KEY = { accessKeyId: 'AKIDFAKEBEDROCK01', secretAccessKey: 'fake/secret+key' };
const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock({ credentials: [KEY] });
});
afterAll(() => fake.close());

async function send(
  model: string,
  operation: string,
  body: unknown,
  options: { secret?: string; tamper?: boolean; sign?: boolean; signingDate?: Date } = {},
) {
  const url = new URL(`${fake.url}/model/${encodeURIComponent(model)}/${operation}`);
  const text = JSON.stringify(body);
  let headers: Record<string, string> = { 'content-type': 'application/json', host: url.host };
  if (options.sign !== false) {
    const signer = new SignatureV4({
      credentials: { ...KEY, secretAccessKey: options.secret ?? KEY.secretAccessKey },
      region: 'us-east-1',
      service: 'bedrock',
      sha256: Sha256,
      applyChecksum: false,
    });
    const signed = await signer.sign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        query: {},
        headers,
        body: text,
      },
      options.signingDate === undefined ? {} : { signingDate: options.signingDate },
    );
    headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k, String(v)]));
  }
  delete headers.host;
  return fetch(url, { method: 'POST', headers, body: options.tamper ? `${text} ` : text });
}

const HELLO = { messages: [{ role: 'user', content: [{ text: 'Hello there' }] }] };

describe('startFakeBedrock', () => {
  it('answers a signed Converse call with the echo and usage', async () => {
    const response = await send(MODEL, 'converse', HELLO);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^f0e1d2c3-/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      output: { message: { role: 'assistant', content: [{ text: 'Echo: Hello there' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 8, outputTokens: 3, cacheReadInputTokens: 0 },
    });
    expect(fake.requests.at(-1)?.path).toBe(`/model/${encodeURIComponent(MODEL)}/converse`);
  });

  it('refuses a signature made with another secret, as Bedrock does', async () => {
    const response = await send(MODEL, 'converse', HELLO, { secret: 'wrong' });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^InvalidSignatureException:/);
    expect(await response.json()).toEqual({
      message: expect.stringMatching(/^The request signature we calculated does not match/),
    });
  });

  it('refuses a body changed after signing and a request without a signature', async () => {
    expect((await send(MODEL, 'converse', HELLO, { tamper: true })).status).toBe(403);
    const unsigned = await send(MODEL, 'converse', HELLO, { sign: false });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toMatch(
      /^MissingAuthenticationTokenException/,
    );
  });

  it('refuses what Bedrock refuses with a ValidationException', async () => {
    const response = await send(MODEL, 'converse', {
      messages: [{ role: 'assistant', content: [{ text: 'Hi' }] }],
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^ValidationException/);
  });

  it('streams event-stream frames, the answer and then usage', async () => {
    const response = await send(MODEL, 'converse-stream', HELLO);
    expect(response.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const codec = new EventStreamCodec(toUtf8, fromUtf8);
    const events: Array<{ type: unknown; payload: Record<string, unknown> }> = [];
    for (let offset = 0; offset < bytes.length; ) {
      const length = new DataView(bytes.buffer, offset, 4).getUint32(0);
      const message = codec.decode(bytes.subarray(offset, offset + length));
      events.push({
        type: message.headers[':event-type']?.value,
        payload: JSON.parse(toUtf8(message.body)) as Record<string, unknown>,
      });
      offset += length;
    }
    expect(events.map((event) => event.type)).toEqual([
      'messageStart',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockStop',
      'messageStop',
      'metadata',
    ]);
    expect(events.at(-1)?.payload.usage).toMatchObject({ inputTokens: 8, outputTokens: 3 });
  });

  it('refuses a signature made more than five minutes from its clock', async () => {
    const stale = await send(MODEL, 'converse', HELLO, {
      signingDate: new Date(Date.now() - 10 * 60_000),
    });
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { message: string }).message).toMatch(/^Signature expired/);
  });

  it("answers Claude's Messages body through invoke, refusing Bedrock's forbidden keys", async () => {
    const claude = {
      anthropic_version: 'bedrock-2023-05-31',
      anthropic_beta: ['interleaved-thinking-2025-05-14'],
      max_tokens: 2048,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [{ role: 'user', content: 'Hello there' }],
    };
    const response = await send(MODEL, 'invoke', claude);
    expect(response.status).toBe(200);
    const message = (await response.json()) as { content: Array<{ type: string }> };
    expect(message).toMatchObject({ type: 'message', model: MODEL });
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    const { anthropic_version: _version, ...unversioned } = claude;
    for (const body of [unversioned, { ...claude, model: MODEL }, { ...claude, stream: true }]) {
      const refused = await send(MODEL, 'invoke', body);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('x-amzn-errortype')).toMatch(/^ValidationException:/);
    }
  });

  it('streams Claude events as base64 chunk frames through invoke-with-response-stream', async () => {
    const response = await send(MODEL, 'invoke-with-response-stream', {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Hello there' }],
    });
    expect(response.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const codec = new EventStreamCodec(toUtf8, fromUtf8);
    const types: unknown[] = [];
    for (let offset = 0; offset < bytes.length; ) {
      const length = new DataView(bytes.buffer, offset, 4).getUint32(0);
      const message = codec.decode(bytes.subarray(offset, offset + length));
      expect(message.headers[':event-type']?.value).toBe('chunk');
      const { bytes: base64 } = JSON.parse(toUtf8(message.body)) as { bytes: string };
      types.push((JSON.parse(Buffer.from(base64, 'base64').toString()) as { type: unknown }).type);
      offset += length;
    }
    expect(types[0]).toBe('message_start');
    expect(types.at(-1)).toBe('message_stop');
    expect(types).toContain('content_block_delta');
  });
});
