import type { ModelConfig, ProviderConfig } from '@switchyard/config';
import {
  CATALOG_SNAPSHOT_KEY,
  type CatalogSnapshotV1,
  catalogSnapshotV1Schema,
} from '@switchyard/contracts';
import {
  type FakeBedrock,
  type FakeGoogleToken,
  type FakeVertex,
  fakeOpenRouterModel,
  startFakeBedrock,
  startFakeGoogleToken,
  startFakeVertex,
} from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogForTest, type TestCatalog } from '../testing/start-catalog-for-test.js';
import { runCatalogSync } from './run-catalog-sync.js';

const AWS_KEY = { accessKeyId: 'AKIAFAKECATALOG00001', secretAccessKey: 'catalog/Secret+Key/0001' };
const WRONG_SECRET = 'catalog/Wrong+Secret/9999';
let bedrock: FakeBedrock;
let bedrockClosed = false;
let google: FakeGoogleToken;
let vertex: FakeVertex;
let catalog: TestCatalog;

const provider = (
  name: string,
  type: ProviderConfig['type'],
  baseUrl: string,
  key: string,
  options: { region?: string; serveListedModels?: boolean } = {},
): ProviderConfig => ({
  name,
  type,
  baseUrl,
  ...options,
  credentials: [{ id: `${name}:0`, key, rpm: undefined, tpm: undefined, dailyRequests: undefined }],
  keyStrategy: 'round_robin',
  headers: {},
});

/** Claude routed to `gcp` by the configuration: its Anthropic publisher list is read too. */
const vertexClaude: ModelConfig = {
  id: 'gcp/claude-sonnet-4-5',
  name: 'Claude Sonnet 4.5 (Vertex)',
  kind: 'chat',
  contextLength: 200_000,
  maxOutputTokens: undefined,
  routes: [
    {
      provider: 'gcp',
      upstreamModel: 'claude-sonnet-4-5@20250929',
      priority: 0,
      free: false,
      pricing: {
        prompt: '0.000003',
        completion: '0.000015',
        cachedPrompt: undefined,
        reasoning: undefined,
      },
    },
  ],
};

beforeAll(async () => {
  bedrock = await startFakeBedrock({ credentials: [AWS_KEY], region: 'us-east-1' });
  google = await startFakeGoogleToken();
  vertex = await startFakeVertex({
    project: 'acme-prod',
    location: 'us-east5',
    verifyToken: (token) => google.tokens.verify(token),
  });
  catalog = await startCatalogForTest(
    [vertexClaude],
    [
      // A proxy-style base URL (the fake): the region comes from the configuration.
      provider('aws', 'bedrock', bedrock.url, `${AWS_KEY.accessKeyId}:${AWS_KEY.secretAccessKey}`, {
        region: 'us-east-1',
        serveListedModels: true,
      }),
      provider('aws-wrong', 'bedrock', bedrock.url, `${AWS_KEY.accessKeyId}:${WRONG_SECRET}`, {
        region: 'us-east-1',
        serveListedModels: true,
      }),
      // The same account, not opted in: its list is read and reported, but routes nothing.
      provider(
        'aws-listed',
        'bedrock',
        bedrock.url,
        `${AWS_KEY.accessKeyId}:${AWS_KEY.secretAccessKey}`,
        { region: 'us-east-1' },
      ),
      provider('gcp', 'vertex', vertex.url, google.serviceAccountKey, { serveListedModels: true }),
      provider('gcp-forged', 'vertex', vertex.url, google.forgedKey, { serveListedModels: true }),
    ],
  );
  // Admin-made clouds without a stored key: the catalog's own AWS or Google identity must not
  // sign requests to a base URL an admin chose.
  await catalog.database.db
    .insertInto('catalog.providers')
    .values([
      { name: 'aws-admin', type: 'bedrock', base_url: bedrock.url, source: 'admin' },
      { name: 'gcp-admin', type: 'vertex', base_url: vertex.url, source: 'admin' },
    ])
    .execute();
  catalog.fake.setOpenRouterModels([
    fakeOpenRouterModel('anthropic/claude-3.5-sonnet', { context_length: 200_000 }),
    fakeOpenRouterModel('anthropic/claude-sonnet-4', { context_length: 200_000 }),
    fakeOpenRouterModel('anthropic/claude-sonnet-4.5', { context_length: 200_000 }),
    fakeOpenRouterModel('google/gemini-2.5-pro', { context_length: 1_048_576 }),
    fakeOpenRouterModel('stability/sd3-large'),
  ]);
});

afterAll(async () => {
  await catalog?.stop();
  await Promise.all([
    bedrockClosed ? undefined : bedrock?.close(),
    vertex?.close(),
    google?.close(),
  ]);
});

async function snapshotInKv(): Promise<CatalogSnapshotV1> {
  const store = await catalog.bus.kv(catalog.bucket);
  const entry = await store.get(CATALOG_SNAPSHOT_KEY);
  if (entry?.value === undefined) throw new Error('no snapshot in KV');
  return catalogSnapshotV1Schema.parse(JSON.parse(new TextDecoder().decode(entry.value)));
}

describe('catalog sync of the clouds’ model lists', () => {
  it('the fakes refuse unsigned list requests and missing or unknown tokens', async () => {
    const unsigned = await fetch(`${bedrock.url}/foundation-models`);
    expect(unsigned.status).toBe(403);
    const listUrl = `${new URL(vertex.url).origin}/v1beta1/publishers/google/models`;
    expect((await fetch(listUrl)).status).toBe(401);
    const forged = await fetch(listUrl, { headers: { authorization: 'Bearer ya29.not-issued' } });
    expect(forged.status).toBe(401);
  });

  it('lists Bedrock (SigV4-signed) and Vertex (bearer token, paged) models and routes the catalog’s models through them', async () => {
    const bedrockCalls = bedrock.requests.length;
    const report = await runCatalogSync(catalog.syncDeps, { trigger: 'test' });
    // `partial`: the two providers with refused credentials fail (next test).
    expect(report.status).toBe('partial');
    expect(report.sources).toMatchObject({
      // Claude 3.5 Sonnet and Titan embeddings on demand, then both cross-region profiles.
      'provider:aws': { status: 'ok', used: 'fresh', models: 4 },
      // Google's Gemini x2 and text-embedding over two pages, then Anthropic's two Claude models.
      'provider:gcp': { status: 'ok', used: 'fresh', models: 5 },
    });
    const requests = bedrock.requests.filter((request) => request.method === 'GET');
    expect(requests.map((request) => request.path)).toEqual(
      expect.arrayContaining(['/foundation-models', '/inference-profiles']),
    );

    const snapshot = await snapshotInKv();
    const routes = (id: string) =>
      snapshot.models
        .find((model) => model.id === id)
        ?.routes.filter((route) => route.provider === 'aws' || route.provider === 'gcp')
        .map((route) => [route.provider, route.upstream_model, route.priority]);
    expect(routes('anthropic/claude-3.5-sonnet')).toEqual([
      ['aws', 'anthropic.claude-3-5-sonnet-20241022-v2:0', 5],
    ]);
    // Only a cross-region profile serves it: listed by ListInferenceProfiles alone.
    expect(routes('anthropic/claude-sonnet-4')).toEqual([
      ['aws', 'us.anthropic.claude-sonnet-4-20250514-v1:0', 5],
    ]);
    expect(routes('anthropic/claude-sonnet-4.5')).toEqual([
      ['gcp', 'claude-sonnet-4-5@20250929', 5],
    ]);
    expect(routes('google/gemini-2.5-pro')).toEqual([['gcp', 'gemini-2.5-pro', 5]]);
    // An image model: Bedrock's list leaves it out, so only OpenRouter routes it.
    expect(routes('stability/sd3-large')).toEqual([]);

    // Not opted in: listed and reported, never routed.
    expect(report.sources['provider:aws-listed']).toMatchObject({ status: 'ok', models: 4 });
    expect(
      snapshot.models.flatMap((model) => model.routes).some((r) => r.provider === 'aws-listed'),
    ).toBe(false);
    // Admin-made and keyless: skipped, never signed with the catalog's ambient identity.
    for (const name of ['aws-admin', 'gcp-admin']) {
      expect(report.sources[`provider:${name}`]).toMatchObject({
        status: 'skipped',
        error: 'no credential (an admin-made provider never uses the ambient cloud identity)',
      });
    }
    // aws, aws-listed and aws-wrong (refused, but it arrives), each signed with its key: aws-admin sent none.
    const signedBy = bedrock.requests
      .slice(bedrockCalls)
      .map((request) =>
        request.headers.authorization?.includes(`Credential=${AWS_KEY.accessKeyId}/`),
      );
    expect(signedBy.length).toBeGreaterThanOrEqual(5);
    expect(signedBy.every(Boolean)).toBe(true);
  });

  it('reports a refused signature or credential without quoting the credential, and keeps the rest', async () => {
    const report = await runCatalogSync(catalog.syncDeps, { trigger: 'test' });
    expect(report.sources['provider:aws-wrong']).toMatchObject({
      status: 'failed',
      used: 'none',
      error: 'aws-wrong model list: HTTP 403',
    });
    expect(report.sources['provider:gcp-forged']).toMatchObject({ status: 'failed', used: 'none' });
    expect(report.sources['provider:gcp-forged']?.error).toMatch(
      /^gcp-forged model list: the request could not be signed \(token_request_failed: /,
    );
    const text = JSON.stringify(report);
    expect(text).not.toContain(WRONG_SECRET);
    expect(text).not.toContain(AWS_KEY.secretAccessKey);
    expect(text).not.toContain('PRIVATE KEY');
    expect(report.sources['provider:aws']).toMatchObject({ status: 'ok', models: 4 });
  });

  it('keeps the last good list when the cloud stops answering', async () => {
    await bedrock.close();
    bedrockClosed = true;
    const report = await runCatalogSync(catalog.syncDeps, { trigger: 'test' });
    expect(report.sources['provider:aws']).toMatchObject({
      status: 'failed',
      used: 'last_good',
      models: 4,
    });
    const snapshot = await snapshotInKv();
    expect(
      snapshot.models
        .find((model) => model.id === 'anthropic/claude-sonnet-4')
        ?.routes.some((route) => route.provider === 'aws'),
    ).toBe(true);
  });
});
