import { randomBytes } from 'node:crypto';
import { decryptSecret } from '@switchyard/config';
import { describe, expect, it } from 'vitest';
import {
  asMaster,
  catalog,
  type Json,
  kvSnapshot,
  useAdminApi,
} from '../testing/admin-api-test-client.js';

useAdminApi();

describe('catalog admin API', () => {
  it('stores credentials encrypted and never returns the secret', async () => {
    const secret = `sk-ant-${randomBytes(24).toString('hex')}`;
    const created = await asMaster('POST', '/admin/v1/credentials', {
      provider: 'anthropic',
      name: 'pool key 2',
      secret,
      limits: { rpm: 50 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      provider: 'anthropic',
      name: 'pool key 2',
      hint: `sk-…${secret.slice(-4)}`,
      enabled: true,
      limits: { rpm: 50, tpm: null, daily_requests: null },
    });
    expect(created.text).not.toContain(secret.slice(8));
    const id = String(created.body.id);
    for (const url of ['/admin/v1/credentials', `/admin/v1/credentials/${id}`]) {
      const response = await asMaster('GET', url);
      expect(response.status).toBe(200);
      expect(response.text).not.toContain(secret.slice(8));
      expect(response.text).not.toContain('ciphertext');
    }
    const row = await catalog.database.db
      .selectFrom('catalog.credentials')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const bytes = Buffer.concat([row.ciphertext, row.iv, row.auth_tag]);
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from(secret.slice(8, 24)))).toBe(false);
    expect(row.iv).toHaveLength(12);
    expect(row.auth_tag).toHaveLength(16);
    expect(row.key_id).toBe(catalog.keyring.current.id);
    expect(
      decryptSecret(
        { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag, keyId: row.key_id },
        catalog.keyring,
        'anthropic',
      ),
    ).toBe(secret);

    const rotated = await asMaster('PATCH', `/admin/v1/credentials/${id}`, {
      secret: 'sk-ant-new-secret-9999',
      enabled: false,
    });
    expect(rotated.body).toMatchObject({ hint: 'sk-…9999', enabled: false });
    expect((await asMaster('DELETE', `/admin/v1/credentials/${id}`)).body).toMatchObject({
      deleted: true,
    });
    expect((await asMaster('GET', `/admin/v1/credentials/${id}`)).status).toBe(404);
  });

  it('stores a bedrock credential only as an AWS key pair, never echoing it', async () => {
    const provider = await asMaster('POST', '/admin/v1/providers', {
      name: 'bedrock-eu',
      type: 'bedrock',
      base_url: 'https://bedrock-runtime.eu-west-1.amazonaws.com',
    });
    expect(provider.status).toBe(201);
    const refused = await asMaster('POST', '/admin/v1/credentials', {
      provider: 'bedrock-eu',
      name: 'no pair',
      secret: 'just-a-secret-access-key',
    });
    expect(refused.status).toBe(400);
    expect((refused.body.error as Json).param).toBe('secret');
    expect(refused.text).not.toContain('just-a-secret-access-key');
    const pair = `AKIAEXAMPLEKEY000001:${randomBytes(20).toString('base64')}`;
    const created = await asMaster('POST', '/admin/v1/credentials', {
      provider: 'bedrock-eu',
      name: 'static pair',
      secret: pair,
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(pair.split(':')[1]);
    const rotated = await asMaster('PATCH', `/admin/v1/credentials/${String(created.body.id)}`, {
      secret: 'still-not-a-pair',
    });
    expect(rotated.status).toBe(400);
  });

  it('stores a vertex provider with a service-account JSON key, shown by its account only', async () => {
    const provider = await asMaster('POST', '/admin/v1/providers', {
      name: 'vertex-eu',
      type: 'vertex',
      base_url:
        'https://europe-west1-aiplatform.googleapis.com/v1/projects/acme/locations/europe-west1',
    });
    expect(provider.status).toBe(201);
    const privateKey = `-----BEGIN PRIVATE KEY-----\n${randomBytes(48).toString('base64')}\n-----END PRIVATE KEY-----\n`;
    const secret = JSON.stringify(
      {
        type: 'service_account',
        client_email: 'gw@acme.iam.gserviceaccount.com',
        private_key: privateKey,
      },
      null,
      2,
    );
    const created = await asMaster('POST', '/admin/v1/credentials', {
      provider: 'vertex-eu',
      name: 'service account',
      secret,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ hint: 'json:gw@acme.iam.gserviceaccount.com' });
    expect(created.text).not.toContain(privateKey.slice(30, 60));
    const row = await catalog.database.db
      .selectFrom('catalog.credentials')
      .selectAll()
      .where('id', '=', String(created.body.id))
      .executeTakeFirstOrThrow();
    expect(
      decryptSecret(
        { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag, keyId: row.key_id },
        catalog.keyring,
        'vertex-eu',
      ),
    ).toBe(secret);
    await asMaster('DELETE', `/admin/v1/credentials/${String(created.body.id)}`);
  });

  it('adds and disables providers; a disabled provider leaves the snapshot', async () => {
    const created = await asMaster('POST', '/admin/v1/providers', {
      name: 'local-vllm',
      type: 'openai-compatible',
      base_url: 'http://127.0.0.1:9/v1/',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'local-vllm',
      base_url: 'http://127.0.0.1:9/v1',
      source: 'admin',
    });
    expect(
      (
        await asMaster('POST', '/admin/v1/providers', {
          name: 'local-vllm',
          type: 'openai',
          base_url: 'http://x/v1',
        })
      ).status,
    ).toBe(409);
    const moved = await asMaster('PATCH', '/admin/v1/providers/openai', {
      base_url: 'http://x/v1',
    });
    expect(moved.status).toBe(400);
    expect((moved.body.error as Json).param).toBe('base_url');
    const disabled = await asMaster('PATCH', '/admin/v1/providers/openrouter', { enabled: false });
    expect(disabled.body).toMatchObject({ enabled: false });
    const snapshot = await kvSnapshot();
    expect(snapshot.providers.find((provider) => provider.name === 'openrouter')?.enabled).toBe(
      false,
    );
    expect(
      snapshot.models
        .flatMap((model) => model.routes)
        .some((route) => route.provider === 'openrouter'),
    ).toBe(false);
    await asMaster('PATCH', '/admin/v1/providers/openrouter', { enabled: true });
  });
});
