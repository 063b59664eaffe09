import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database } from '@switchyard/db';
import {
  createFreshPostgresDatabase,
  type FakeOpenAI,
  type FreshPostgresDatabase,
  startFakeOpenAI,
  useNats,
  usePostgres,
  useRedis,
} from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from './support/start-service.js';

// Responses an OpenAI route stored (served natively) belong to the key that created them, as
// the gateway's own stored Responses do: two gateway replicas sharing Redis, two keys of one
// organisation (neither reaching the other's Responses, conversations or items by id), and a
// native stream that fails recorded as the failure it is.

const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
const OPENAI_KEY = 'sk-openai-upstream-0123456789';
const PRICE = 'pricing: { prompt: "0.000002", completion: "0.000008" }';

let openai: FakeOpenAI;
let fresh: FreshPostgresDatabase;
let database: Database;
let accounting: RunningService;
let gateways: RunningService[] = [];

beforeAll(async () => {
  openai = await startFakeOpenAI({ apiKeys: [OPENAI_KEY] });
  fresh = await createFreshPostgresDatabase((await usePostgres()).url);
  const shared = {
    DATABASE_URL: fresh.url,
    REDIS_URL: (await useRedis()).url,
    NATS_URL: (await useNats()).url,
    SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    SWITCHYARD_NATS_NAMESPACE: `e2e${randomBytes(5).toString('hex')}`,
  };
  const configFile = join(await mkdtemp(join(tmpdir(), 'switchyard-e2e-owner-')), 'sy.yaml');
  writeFileSync(
    configFile,
    `providers:
  - { name: openai, type: openai, base_url: "${openai.url}", keys: [${OPENAI_KEY}] }
models:
  - { id: openai/gpt-test, upstream_model: gpt-test, context_length: 128000, max_output_tokens: 16384, ${PRICE} }
  - { id: openai/failing, upstream_model: response-failed, context_length: 128000, max_output_tokens: 16384, ${PRICE} }
`,
  );
  accounting = await startService('accounting', shared);
  gateways = await Promise.all(
    [1, 2].map(() => startService('gateway', { ...shared, SWITCHYARD_CONFIG: configFile })),
  );
  database = createDatabase({ url: fresh.url });
}, 120_000);

afterAll(async () => {
  await Promise.all([...gateways, accounting].map((service) => service?.stop()));
  await database?.close();
  await openai?.close();
  await fresh?.drop();
});

/** An SDK client of `key` on replica `replica`. */
const clientOf = (key: string, replica = 0) =>
  new OpenAI({ baseURL: `${gateways[replica]?.origin}/v1`, apiKey: key, maxRetries: 0 });

async function keyOfNewTeam(name: string): Promise<string> {
  const team = await admin<{ id: string }>('POST', '/teams', { name });
  return (await admin<{ secret: string }>('POST', '/keys', { name, team_id: team.id })).secret;
}

describe('a Response an OpenAI route stored', () => {
  it('is continued by the key that created it only, on either replica', async () => {
    const [keyA, keyB] = await Promise.all([keyOfNewTeam('owner-a'), keyOfNewTeam('owner-b')]);
    const owner = clientOf(keyA);
    const stranger = clientOf(keyB, 1);
    const created = await owner.responses.create({ model: 'openai/gpt-test', input: 'my secret' });
    const stream = owner.responses.stream({ model: 'openai/gpt-test', input: 'streamed secret' });
    for await (const _event of stream) {
      // Drained: the owner is recorded before the id reaches the client.
    }
    const streamed = await stream.finalResponse();

    for (const id of [created.id, streamed.id]) {
      const before = openai.requests.length;
      await expect(
        stranger.responses.create({
          model: 'openai/gpt-test',
          previous_response_id: id,
          input: 'and?',
        }),
      ).rejects.toMatchObject({
        status: 400,
        code: 'previous_response_not_found',
        param: 'previous_response_id',
      });
      // The gateway neither reads nor deletes a native Response: its owner is told where it is,
      // a stranger only that it was not found, as for an id never seen.
      const notFound = { status: 404, error: { message: `Response with id '${id}' not found.` } };
      await expect(stranger.responses.retrieve(id)).rejects.toMatchObject(notFound);
      await expect(stranger.responses.delete(id)).rejects.toMatchObject(notFound);
      const atProvider = {
        status: 404,
        error: { message: expect.stringContaining("is stored by provider 'openai'") },
      };
      await expect(owner.responses.retrieve(id)).rejects.toMatchObject(atProvider);
      await expect(owner.responses.delete(id)).rejects.toMatchObject(atProvider);
      // Refused by the gateway: OpenAI, which would serve any key of the organisation, was not asked.
      expect(openai.requests.length).toBe(before);

      const next = await clientOf(keyA, 1).responses.create({
        model: 'openai/gpt-test',
        previous_response_id: id,
        input: 'go on',
      });
      expect(next.output_text).toBe('Echo: go on');
      expect(openai.requests.at(-1)?.body).toMatchObject({ previous_response_id: id });
    }
    // Nor ids OpenAI resolves for any key of the organisation: a conversation, a stored item.
    const before = openai.requests.length;
    await expect(
      stranger.responses.create({
        model: 'openai/gpt-test',
        conversation: 'conv_of_key_a',
        input: 'and?',
      }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_request', param: 'conversation' });
    await expect(
      stranger.responses.create({
        model: 'openai/gpt-test',
        input: [{ type: 'item_reference', id: created.output[0]?.id ?? 'msg_of_key_a' }],
      }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_request', param: 'input[0]' });
    expect(openai.requests.length).toBe(before);
    // An id the gateway never saw is not forwarded on trust either.
    await expect(
      owner.responses.create({
        model: 'openai/gpt-test',
        previous_response_id: 'resp_made_elsewhere',
        input: 'hi',
      }),
    ).rejects.toMatchObject({ status: 400, code: 'previous_response_not_found' });
  });
});

describe('a native stream that ends in response.failed', () => {
  it('reaches the client as sent and is recorded as the error it reports', async () => {
    const { data: events, response } = await clientOf(MASTER_KEY)
      .responses.create({ model: 'openai/failing', input: 'fail please', stream: true })
      .withResponse();
    const types: string[] = [];
    for await (const event of events) types.push(event.type);
    expect(types.at(-1)).toBe('response.failed');
    const requestId = response.headers.get('x-switchyard-request-id') ?? '';
    await expect
      .poll(
        async () =>
          (
            await database.db
              .selectFrom('accounting.usage_events')
              .select(['status', 'error_code', 'error_message'])
              .where('request_id', '=', requestId)
              .execute()
          )[0],
        { timeout: 15_000 },
      )
      .toMatchObject({
        status: 502,
        error_code: 'upstream_error',
        error_message: expect.stringContaining('The model failed to generate a response.'),
      });
  });
});

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${accounting.origin}/admin/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}
