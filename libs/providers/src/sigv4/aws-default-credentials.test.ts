import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type FakeBedrock,
  type FakeSts,
  startFakeBedrock,
  startFakeSts,
} from '@switchyard/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsChainCredentials } from './aws-default-credentials.js';
import { signSigV4Request } from './sign-sigv4-request.js';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/switchyard-gateway';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.fake-service-account-token.signature';
const ISSUED = [
  {
    accessKeyId: 'ASIAIRSAFIRST0000001',
    secretAccessKey: 'irsa/first',
    sessionToken: 'token-first',
  },
  {
    accessKeyId: 'ASIAIRSASECOND000002',
    secretAccessKey: 'irsa/second',
    sessionToken: 'token-second',
  },
];
const AWS_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
];

const saved = { ...process.env };
let bedrock: FakeBedrock;
let stsUrl = '';
const stses: FakeSts[] = [];

/** A fake STS whose credentials live `lifetimeMs`, and the environment IRSA sets up in a pod. */
async function irsa(lifetimeMs: number): Promise<FakeSts> {
  const sts = await startFakeSts({
    roleArn: ROLE_ARN,
    webIdentityToken: TOKEN,
    credentials: ISSUED,
    lifetimeMs,
  });
  stses.push(sts);
  stsUrl = sts.url;
  process.env.AWS_ENDPOINT_URL_STS = stsUrl;
  return sts;
}

beforeAll(async () => {
  bedrock = await startFakeBedrock({ credentials: ISSUED });
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-irsa-'));
  const tokenFile = join(dir, 'token');
  writeFileSync(tokenFile, TOKEN);
  for (const name of AWS_VARIABLES) delete process.env[name];
  Object.assign(process.env, {
    AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
    AWS_ROLE_ARN: ROLE_ARN,
    AWS_ROLE_SESSION_NAME: 'switchyard-test',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  });
});
afterAll(async () => {
  process.env = saved;
  await bedrock.close();
  await Promise.all(stses.map((sts) => sts.close()));
});
beforeEach(() => bedrock.reset());

describe('the AWS default chain with web identity (IRSA)', () => {
  it('assumes the role once, caches the credentials, and they sign a Bedrock call', async () => {
    const sts = await irsa(60 * 60_000);
    const source = createAwsChainCredentials();
    const first = await source();
    const second = await source();
    expect(first).toMatchObject({
      accessKeyId: ISSUED[0]?.accessKeyId,
      sessionToken: 'token-first',
    });
    expect(second.accessKeyId).toBe(first.accessKeyId);
    expect(sts.requests).toHaveLength(1);
    expect(String(sts.requests[0]?.body)).toContain('Action=AssumeRoleWithWebIdentity');

    const signed = await signSigV4Request(
      {
        method: 'POST',
        url: `${bedrock.url}/model/${encodeURIComponent('us.amazon.nova-lite-v1:0')}/converse`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'hi' }] }] }),
      },
      first,
      { region: 'us-east-1', service: 'bedrock', signingDate: new Date() },
    );
    const response = await fetch(signed.url, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
    });
    expect(response.status).toBe(200);
    expect(bedrock.requests[0]?.headers['x-amz-security-token']).toBe('token-first');
  });

  it('fetches new credentials in the background before the old ones expire', async () => {
    // Four minutes left is inside the SDK's five-minute refresh window: the next use still gets
    // the valid credentials at once and starts fetching new ones, which the use after gets.
    const sts = await irsa(4 * 60_000);
    const source = createAwsChainCredentials();
    const first = await source();
    const second = await source();
    expect(second.accessKeyId).toBe(first.accessKeyId);
    let third = second;
    for (let waited = 0; third.accessKeyId === first.accessKeyId && waited < 5000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      third = await source();
    }
    expect(sts.requests).toHaveLength(2);
    expect(first.accessKeyId).toBe(ISSUED[0]?.accessKeyId);
    expect(third.accessKeyId).toBe(ISSUED[1]?.accessKeyId);
  });
});
