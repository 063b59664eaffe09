import { createSign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGoogleToken, startFakeGoogleToken } from './start-fake-google-token.js';
import { type FakeVertex, startFakeVertex } from './start-fake-vertex.js';

let google: FakeGoogleToken;
let vertex: FakeVertex;

beforeAll(async () => {
  google = await startFakeGoogleToken({ tokenLifetimeSeconds: 1 });
  vertex = await startFakeVertex({
    project: 'p',
    location: 'global',
    verifyToken: google.tokens.verify,
  });
});
afterAll(async () => {
  await vertex?.close();
  await google?.close();
});

/** A JWT-bearer assertion signed with the key's private key, as a Google client library makes it. */
function assertion(keyJson: string, claims: Record<string, unknown> = {}): string {
  const key = JSON.parse(keyJson) as { client_email: string; private_key: string };
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({
    iss: key.client_email,
    scope: 'https://www.googleapis.com/auth/cloud-platform',
    aud: 'https://oauth2.googleapis.com/token',
    iat: now,
    exp: now + 3600,
    ...claims,
  })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key.private_key, 'base64url');
  return `${unsigned}.${signature}`;
}

async function grant(jwt: string) {
  const response = await fetch(google.tokenUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: jwt,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const generate = (token: string | undefined) =>
  fetch(`${vertex.url}/publishers/google/models/gemini-2.5-flash:generateContent`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }),
  });

describe('the fake Google token endpoint and Vertex AI', () => {
  it("grants a token for the account's signed assertion; Vertex takes it until it expires", async () => {
    const { status, body } = await grant(assertion(google.serviceAccountKey));
    expect(status).toBe(200);
    const token = String(body.access_token);
    expect((await generate(token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const expired = await generate(token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });
    expect((await generate(undefined)).status).toBe(401);
  });

  it('refuses a forged signature, an expired assertion and a wrong audience', async () => {
    expect(await grant(assertion(google.forgedKey))).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
    });
    const past = Math.floor(Date.now() / 1000) - 7200;
    const stale = await grant(assertion(google.serviceAccountKey, { iat: past, exp: past + 3600 }));
    expect(stale.body).toMatchObject({ error: 'invalid_grant' });
    const audience = await grant(
      assertion(google.serviceAccountKey, { aud: 'https://example.com' }),
    );
    expect(audience.body.error_description).toMatch(/audience/);
  });

  it("requires Claude's vertex version and no model in the body", async () => {
    const { body } = await grant(assertion(google.serviceAccountKey));
    const raw = (payload: Record<string, unknown>) =>
      fetch(`${vertex.url}/publishers/anthropic/models/claude-haiku-4-5@20251001:rawPredict`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${String(body.access_token)}`,
        },
        body: JSON.stringify({
          max_tokens: 10,
          messages: [{ role: 'user', content: 'hi' }],
          ...payload,
        }),
      });
    expect((await raw({ anthropic_version: 'vertex-2023-10-16' })).status).toBe(200);
    expect((await raw({})).status).toBe(400);
    const withModel = await raw({ anthropic_version: 'vertex-2023-10-16', model: 'claude' });
    expect(await withModel.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });
  });
});
