import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';
import type { SwitchyardConfig } from './switchyard-config.js';

const directory = mkdtempSync(join(tmpdir(), 'switchyard-config-providers-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeYaml(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

const NO_LIMITS = { rpm: undefined, tpm: undefined, dailyRequests: undefined };

function provider(config: SwitchyardConfig, name: string) {
  const found = config.providers.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`provider ${name} missing`);
  return found;
}

function modelIds(config: SwitchyardConfig, prefix: string): string[] {
  return config.models.map((model) => model.id).filter((id) => id.startsWith(prefix));
}

const POOL_YAML = `
providers:
  - name: groq
    type: openai-compatible
    base_url: https://api.groq.com/openai/v1
    key_strategy: least_used
    keys:
      - "\${GROQ_KEYS}"
      - { key: "\${GROQ_BIG}", rpm: 60, tpm: 100000, daily_requests: 1000 }
      - { key: gsk-limited, rpm: "30" }
  - name: openai
    type: openai
    base_url: https://api.openai.com/v1
    key_strategy: random
    keys: [{ key: yaml-key, rpm: 10 }]
`;

describe('loadConfig providers', () => {
  it('numbers a pool of plain keys and keys with limits, with its key strategy', () => {
    const file = writeYaml('pool.yaml', POOL_YAML);
    const config = loadConfig({ file, env: { GROQ_KEYS: 'gsk-1, gsk-2', GROQ_BIG: 'gsk-big' } });
    expect(provider(config, 'groq')).toMatchObject({
      keyStrategy: 'least_used',
      credentials: [
        { id: 'groq:0', key: 'gsk-1', ...NO_LIMITS },
        { id: 'groq:1', key: 'gsk-2', ...NO_LIMITS },
        { id: 'groq:2', key: 'gsk-big', rpm: 60, tpm: 100_000, dailyRequests: 1000 },
        { id: 'groq:3', key: 'gsk-limited', rpm: 30, tpm: undefined, dailyRequests: undefined },
      ],
    });
    expect(provider(config, 'openai')).toMatchObject({
      keyStrategy: 'random',
      credentials: [{ id: 'openai:0', key: 'yaml-key', rpm: 10 }],
    });
  });

  it('replaces a YAML pool by the environment pool, without limits, keeping the strategy', () => {
    const file = writeYaml('pool-env.yaml', POOL_YAML);
    const config = loadConfig({
      file,
      env: { GROQ_KEYS: 'g', GROQ_BIG: 'b', OPENAI_API_KEY: 'env-1,env-2' },
    });
    expect(provider(config, 'openai')).toMatchObject({
      keyStrategy: 'random',
      credentials: [
        { id: 'openai:0', key: 'env-1', ...NO_LIMITS },
        { id: 'openai:1', key: 'env-2', ...NO_LIMITS },
      ],
    });
  });

  it('reports bad limits and an unknown key strategy at their paths', () => {
    const file = writeYaml(
      'bad-pool.yaml',
      `providers:
  - name: p
    type: openai
    base_url: https://x.example/v1
    key_strategy: fastest
    keys: [a, { key: b, rpm: 0, daily_requests: many, burst: 2 }, { tpm: 5 }]
`,
    );
    let problems: string[] = [];
    try {
      loadConfig({ file, env: {} });
    } catch (error: unknown) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems.map(({ path, reason }) => `${path}: ${reason}`);
    }
    expect(problems).toEqual([
      'providers[0].keys[1].rpm: must be at least 1',
      'providers[0].keys[1].daily_requests: expected an integer',
      'providers[0].keys[1].burst: unknown key',
      'providers[0].keys[2].key: required',
      'providers[0].key_strategy: expected one of round_robin, least_used, random',
    ]);
  });

  it('enables anthropic from ANTHROPIC_API_KEY, with the Claude models priced per token', () => {
    const config = loadConfig({ env: { ANTHROPIC_API_KEY: 'sk-ant-1,sk-ant-2' } });
    expect(config.providers).toEqual([
      {
        name: 'anthropic',
        type: 'anthropic',
        baseUrl: 'https://api.anthropic.com/v1',
        credentials: [
          { id: 'anthropic:0', key: 'sk-ant-1', ...NO_LIMITS },
          { id: 'anthropic:1', key: 'sk-ant-2', ...NO_LIMITS },
        ],
        keyStrategy: 'round_robin',
        headers: {},
      },
    ]);
    expect(modelIds(config, '')).toEqual([
      'anthropic/claude-opus-4-1',
      'anthropic/claude-sonnet-4-5',
      'anthropic/claude-haiku-4-5',
      'anthropic/claude-3-5-haiku',
    ]);
    const sonnet = config.models.find((model) => model.id === 'anthropic/claude-sonnet-4-5');
    expect(sonnet?.routes).toEqual([
      {
        provider: 'anthropic',
        upstreamModel: 'claude-sonnet-4-5',
        priority: 0,
        pricing: {
          prompt: '0.000003',
          completion: '0.000015',
          cachedPrompt: '0.0000003',
          reasoning: undefined,
          cacheWrite: '0.00000375',
          cacheWrite1h: '0.000006',
        },
        free: false,
      },
    ]);
  });

  it('enables google from GOOGLE_API_KEY, with the Gemini models priced per token', () => {
    const config = loadConfig({ env: { GOOGLE_API_KEY: 'AIza-1' } });
    expect(config.providers).toEqual([
      {
        name: 'google',
        type: 'google',
        baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
        credentials: [{ id: 'google:0', key: 'AIza-1', ...NO_LIMITS }],
        keyStrategy: 'round_robin',
        headers: {},
      },
    ]);
    expect(modelIds(config, '')).toEqual([
      'google/gemini-2.5-pro',
      'google/gemini-2.5-flash',
      'google/gemini-2.5-flash-lite',
      'google/gemini-embedding-001',
    ]);
    const flash = config.models.find((model) => model.id === 'google/gemini-2.5-flash');
    expect(flash?.routes[0]?.pricing).toEqual({
      prompt: '0.0000003',
      completion: '0.0000025',
      cachedPrompt: '0.000000075',
      reasoning: undefined,
    });
  });

  it('falls back to GEMINI_API_KEY, and prefers GOOGLE_API_KEY when both are set', () => {
    const gemini = loadConfig({ env: { GEMINI_API_KEY: 'from-gemini' } });
    expect(provider(gemini, 'google').credentials.map((credential) => credential.key)).toEqual([
      'from-gemini',
    ]);
    const both = loadConfig({
      env: { GEMINI_API_KEY: 'from-gemini', GOOGLE_API_KEY: 'from-google' },
    });
    expect(provider(both, 'google').credentials.map((credential) => credential.key)).toEqual([
      'from-google',
    ]);
  });

  it('enables openrouter from OPENROUTER_API_KEY, with no default models', () => {
    const config = loadConfig({ env: { OPENROUTER_API_KEY: 'sk-or-1' } });
    expect(config.providers).toEqual([
      {
        name: 'openrouter',
        type: 'openrouter',
        baseUrl: 'https://openrouter.ai/api/v1',
        credentials: [{ id: 'openrouter:0', key: 'sk-or-1', ...NO_LIMITS }],
        keyStrategy: 'round_robin',
        headers: {},
      },
    ]);
    expect(config.models).toEqual([]);
  });

  it('creates keyless providers from base URLs alone, in a fixed order', () => {
    const config = loadConfig({
      env: {
        OPENROUTER_BASE_URL: 'http://or.local/api/v1/',
        GOOGLE_BASE_URL: 'http://gemini.local/v1beta',
        ANTHROPIC_BASE_URL: 'http://claude.local/v1',
      },
    });
    expect(
      config.providers.map(({ name, baseUrl, credentials }) => ({ name, baseUrl, credentials })),
    ).toEqual([
      { name: 'anthropic', baseUrl: 'http://claude.local/v1', credentials: [] },
      { name: 'google', baseUrl: 'http://gemini.local/v1beta', credentials: [] },
      { name: 'openrouter', baseUrl: 'http://or.local/api/v1', credentials: [] },
    ]);
    expect(modelIds(config, 'anthropic/')).toHaveLength(4);
    expect(modelIds(config, 'google/')).toHaveLength(4);
  });

  it('reports bad base URLs of every provider', () => {
    let paths: string[] = [];
    try {
      loadConfig({
        env: { ANTHROPIC_BASE_URL: 'nope', GOOGLE_BASE_URL: 'ftp://x', OPENROUTER_BASE_URL: 'x' },
      });
    } catch (error: unknown) {
      if (!(error instanceof ConfigError)) throw error;
      paths = error.problems.map((problem) => problem.path);
    }
    expect(paths).toEqual(['ANTHROPIC_BASE_URL', 'GOOGLE_BASE_URL', 'OPENROUTER_BASE_URL']);
  });

  it('lets YAML models use a provider the environment defines', () => {
    const file = writeYaml(
      'env-provider.yaml',
      `models:
  - id: openrouter/meta-llama/llama-3.1-8b-instruct:free
    context_length: 131072
  - id: anthropic/claude-custom
    context_length: 200000
`,
    );
    const config = loadConfig({
      file,
      env: { OPENROUTER_API_KEY: 'k', ANTHROPIC_API_KEY: 'k', GEMINI_API_KEY: 'k' },
    });
    // The YAML routes a model to anthropic, so only google's defaults are added.
    expect(modelIds(config, '')).toEqual([
      'openrouter/meta-llama/llama-3.1-8b-instruct:free',
      'anthropic/claude-custom',
      'google/gemini-2.5-pro',
      'google/gemini-2.5-flash',
      'google/gemini-2.5-flash-lite',
      'google/gemini-embedding-001',
    ]);
    expect(config.models[0]?.routes[0]).toMatchObject({
      provider: 'openrouter',
      upstreamModel: 'meta-llama/llama-3.1-8b-instruct:free',
      free: true,
    });
  });
});
