import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

const directory = mkdtempSync(join(tmpdir(), 'switchyard-config-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeYaml(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

const LOCAL_YAML = `
server: { port: 9000 }
log_level: DEBUG
auth: { master_key: "\${MASTER}" }
providers:
  - name: local
    type: openai-compatible
    base_url: \${LOCAL_URL:-http://127.0.0.1:11434/v1/}
    keys: \${LOCAL_KEYS:-}
    headers: { X-Org: "\${ORG}" }
models:
  - id: local/llama3
    context_length: 8192
    pricing: { prompt: 1e-7, completion: "0.0000002" }
  - id: local/embed
    name: Embedder
    kind: embedding
    upstream_model: nomic-embed-text
    context_length: "\${EMBED_CONTEXT:-2048}"
`;

describe('loadConfig', () => {
  it('works from the environment alone, with the default OpenAI models and a key pool', () => {
    const config = loadConfig({ env: { OPENAI_API_KEY: 'a, b,c' }, cwd: directory });
    expect(config.configFile).toBeUndefined();
    expect(config.providers).toEqual([
      {
        name: 'openai',
        type: 'openai',
        baseUrl: 'https://api.openai.com/v1',
        credentials: [
          { id: 'openai:0', key: 'a', rpm: undefined, tpm: undefined, dailyRequests: undefined },
          { id: 'openai:1', key: 'b', rpm: undefined, tpm: undefined, dailyRequests: undefined },
          { id: 'openai:2', key: 'c', rpm: undefined, tpm: undefined, dailyRequests: undefined },
        ],
        keyStrategy: 'round_robin',
        headers: {},
      },
    ]);
    expect(config.models.map((model) => model.id)).toContain('openai/gpt-4o-mini');
    expect(config.server).toEqual({
      host: '0.0.0.0',
      port: 8000,
      bodyLimitBytes: 4_194_304,
      headersTimeoutMs: 30_000,
      bodyTimeoutMs: 60_000,
      shutdownGraceMs: 30_000,
      idleHeapTrim: true,
    });
    expect(config.upstream).toEqual({
      connectTimeoutMs: 10_000,
      firstByteTimeoutMs: 60_000,
      idleTimeoutMs: 60_000,
      requestTimeoutMs: 600_000,
    });
    expect(config.logLevel).toBe('info');
    expect(config.masterKey).toBeUndefined();
    expect(config.dataDir).toBe(join(directory, '.switchyard'));
  });

  it('creates a keyless openai provider from OPENAI_BASE_URL alone', () => {
    const config = loadConfig({ env: { OPENAI_BASE_URL: 'http://localhost:8080/v1/' } });
    expect(config.providers).toEqual([
      {
        name: 'openai',
        type: 'openai',
        baseUrl: 'http://localhost:8080/v1',
        credentials: [],
        keyStrategy: 'round_robin',
        headers: {},
      },
    ]);
    expect(config.models.length).toBeGreaterThan(10);
  });

  it('has no providers or models with an empty environment', () => {
    const config = loadConfig({ env: { OPENAI_API_KEY: '' } });
    expect(config.providers).toEqual([]);
    expect(config.models).toEqual([]);
  });

  it(`loads YAML named by SWITCHYARD_CONFIG, interpolating \${VAR} and \${VAR:-default}`, () => {
    writeYaml('local.yaml', LOCAL_YAML);
    const config = loadConfig({
      env: { SWITCHYARD_CONFIG: 'local.yaml', MASTER: 'sk-master', ORG: 'acme' },
      cwd: directory,
    });
    expect(config.configFile).toBe(join(directory, 'local.yaml'));
    expect(config.server.port).toBe(9000);
    expect(config.logLevel).toBe('debug');
    expect(config.masterKey).toBe('sk-master');
    expect(config.providers).toEqual([
      {
        name: 'local',
        type: 'openai-compatible',
        baseUrl: 'http://127.0.0.1:11434/v1',
        credentials: [],
        keyStrategy: 'round_robin',
        headers: { 'X-Org': 'acme' },
      },
    ]);
    expect(config.models).toEqual([
      {
        id: 'local/llama3',
        name: 'local/llama3',
        kind: 'chat',
        contextLength: 8192,
        maxOutputTokens: undefined,
        routes: [
          {
            provider: 'local',
            upstreamModel: 'llama3',
            priority: 0,
            pricing: {
              prompt: '0.0000001',
              completion: '0.0000002',
              cachedPrompt: undefined,
              reasoning: undefined,
            },
            free: false,
          },
        ],
      },
      {
        id: 'local/embed',
        name: 'Embedder',
        kind: 'embedding',
        contextLength: 2048,
        maxOutputTokens: undefined,
        routes: [
          {
            provider: 'local',
            upstreamModel: 'nomic-embed-text',
            priority: 0,
            pricing: {
              prompt: '0',
              completion: '0',
              cachedPrompt: undefined,
              reasoning: undefined,
            },
            free: true,
          },
        ],
      },
    ]);
  });

  it('lets the environment override the YAML', () => {
    const file = writeYaml(
      'override.yaml',
      `server: { host: 127.0.0.1, port: 9000, body_limit_bytes: 1024, headers_timeout_ms: 5000, body_timeout_ms: 9000 }
upstream: { request_timeout_ms: 5000 }
log_level: warn
auth: { master_key: from-yaml }
providers:
  - { name: openai, type: openai, base_url: "https://proxy.example/v1", keys: [yaml-key] }
models:
  - { id: openai/gpt-4o, context_length: 128000 }
`,
    );
    const config = loadConfig({
      file,
      env: {
        HOST: '::',
        PORT: '7000',
        SWITCHYARD_BODY_LIMIT_BYTES: '2048',
        SWITCHYARD_BODY_TIMEOUT_MS: '20000',
        REQUEST_TIMEOUT_MS: '1000',
        LOG_LEVEL: 'Trace',
        SWITCHYARD_MASTER_KEY: 'from-env',
        SWITCHYARD_DATA_DIR: '/var/lib/switchyard',
        OPENAI_API_KEY: 'env-1,env-2',
        OPENAI_BASE_URL: 'https://api.openai.com/v1',
      },
    });
    expect(config.server).toMatchObject({
      host: '::',
      port: 7000,
      bodyLimitBytes: 2048,
      headersTimeoutMs: 5000,
      bodyTimeoutMs: 20_000,
    });
    expect(config.upstream.requestTimeoutMs).toBe(1000);
    expect(config.logLevel).toBe('trace');
    expect(config.masterKey).toBe('from-env');
    expect(config.dataDir).toBe('/var/lib/switchyard');
    expect(config.providers).toEqual([
      {
        name: 'openai',
        type: 'openai',
        baseUrl: 'https://api.openai.com/v1',
        credentials: [
          {
            id: 'openai:0',
            key: 'env-1',
            rpm: undefined,
            tpm: undefined,
            dailyRequests: undefined,
          },
          {
            id: 'openai:1',
            key: 'env-2',
            rpm: undefined,
            tpm: undefined,
            dailyRequests: undefined,
          },
        ],
        keyStrategy: 'round_robin',
        headers: {},
      },
    ]);
    // The YAML routes a model to openai, so the defaults stay out.
    expect(config.models.map((model) => model.id)).toEqual(['openai/gpt-4o']);
  });

  it('returns a deeply frozen configuration', () => {
    writeYaml('frozen.yaml', LOCAL_YAML);
    const config = loadConfig({
      file: 'frozen.yaml',
      cwd: directory,
      env: { MASTER: 'm', ORG: 'o', OPENAI_API_KEY: 'k' },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(Object.isFrozen(config.providers[0]?.headers)).toBe(true);
    expect(Object.isFrozen(config.providers[1]?.credentials)).toBe(true);
    expect(Object.isFrozen(config.providers[1]?.credentials[0])).toBe(true);
    expect(Object.isFrozen(config.models[0]?.routes[0]?.pricing)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });
});
