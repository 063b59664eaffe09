import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const directory = mkdtempSync(join(tmpdir(), 'switchyard-config-bedrock-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function load(text: string, env: Record<string, string> = {}) {
  const file = join(directory, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return loadConfig({ file, env });
}

function problemsOf(text: string): string[] {
  try {
    load(text);
  } catch (error: unknown) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map(({ path, reason }) => `${path}: ${reason}`);
  }
  return [];
}

describe('bedrock providers in YAML', () => {
  it('takes static keys as ACCESS_KEY_ID:SECRET[:TOKEN], the region from the base URL or `region`', () => {
    const config = load(
      `providers:
  - name: bedrock
    type: bedrock
    base_url: https://bedrock-runtime.eu-west-1.amazonaws.com
    keys: ["\${AWS_KEY}:\${AWS_SECRET}", "ASIAB:secret2:token2"]
  - name: bedrock-vpc
    type: bedrock
    base_url: https://vpce-0abc.bedrock-runtime.us-east-1.vpce.amazonaws.com
    region: us-east-1
`,
      { AWS_KEY: 'AKIAA', AWS_SECRET: 'se/cr+et' },
    );
    const [bedrock, vpc] = config.providers;
    expect(bedrock?.credentials.map((credential) => credential.key)).toEqual([
      'AKIAA:se/cr+et',
      'ASIAB:secret2:token2',
    ]);
    expect(bedrock?.region).toBeUndefined();
    expect(vpc).toMatchObject({ region: 'us-east-1', credentials: [] });
    // Its price list joins when no YAML model routes to a provider named bedrock.
    expect(config.models.map((model) => model.id)).toContain(
      'bedrock/global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    );
  });

  it('reports a missing region, a malformed key (without echoing it) and a region on another type', () => {
    expect(
      problemsOf(`providers:
  - { name: b, type: bedrock, base_url: "https://proxy.example", keys: [only-a-secret] }
  - { name: o, type: openai, base_url: "https://api.openai.com/v1", region: us-east-1 }
  - { name: c, type: bedrock, base_url: "https://proxy.example", region: Virginia }
`),
    ).toEqual([
      'providers[0].region: is required: the base URL names no AWS region (e.g. region: us-east-1)',
      "providers[0].keys[0]: must be 'ACCESS_KEY_ID:SECRET_ACCESS_KEY' or 'ACCESS_KEY_ID:SECRET_ACCESS_KEY:SESSION_TOKEN'",
      'providers[1].region: is only for SigV4-signed providers, not for type openai',
      'providers[2].region: not an AWS region (e.g. us-east-1)',
    ]);
  });

  it('opts a provider in to hosted routes only with serve_listed_models: true', () => {
    const config = load(
      `providers:
  - { name: aws, type: bedrock, base_url: "https://bedrock-runtime.us-east-1.amazonaws.com", serve_listed_models: true }
  - { name: aws-eu, type: bedrock, base_url: "https://bedrock-runtime.eu-west-1.amazonaws.com" }
  - { name: aws-ap, type: bedrock, base_url: "https://bedrock-runtime.ap-south-1.amazonaws.com", serve_listed_models: false }
`,
    );
    expect(config.providers.map((provider) => provider.serveListedModels)).toEqual([
      true,
      undefined,
      undefined,
    ]);
    expect(
      problemsOf(`providers:
  - { name: b, type: bedrock, base_url: "https://bedrock-runtime.us-east-1.amazonaws.com", serve_listed_models: "yes" }
`),
    ).toEqual(['providers[0].serve_listed_models: expected true or false, got a string']);
  });
});
