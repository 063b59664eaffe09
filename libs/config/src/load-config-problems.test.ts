import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import type { ConfigProblem } from './config-problem.js';
import { loadConfig } from './load-config.js';

const directory = mkdtempSync(join(tmpdir(), 'switchyard-config-problems-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeYaml(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

function problemsOf(load: () => unknown): readonly ConfigProblem[] {
  try {
    load();
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const BROKEN_YAML = `
server: { port: 70000, colour: blue }
upstream: { idle_timeout_ms: soon }
log_level: chatty
providers:
  - name: local
    type: openai-compatible
    base_url: ftp://example.com
  - name: local
    type: smoke-signals
    base_url: http://ok.example/v1
    keys: 42
  - type: openai
    base_url: \${MISSING_URL}
models:
  - id: llama3
    context_length: 8192
  - id: local/llama3
    context_length: -1
  - id: local/llama3
    context_length: 8192
    pricing: { prompt: "-1", completion: cheap, cached_prompt: .nan }
  - id: ghost/model
    context_length: 1
  - id: local/other
    provider: phantom
`;

describe('loadConfig problems', () => {
  it('reports every problem of the YAML and the environment together', () => {
    const file = writeYaml('broken.yaml', BROKEN_YAML);
    const env = { PORT: 'eighty', LOG_LEVEL: 'loud', OPENAI_BASE_URL: 'not a url' };
    const problems = problemsOf(() => loadConfig({ file, env }));
    const at = (source: string, path: string) =>
      problems.filter((problem) => problem.source === source && problem.path === path);
    const reasons = (source: string, path: string) => at(source, path).map((item) => item.reason);

    expect(reasons(file, 'providers[2].base_url')).toEqual([
      'environment variable MISSING_URL is not set',
    ]);
    expect(reasons(file, 'server.port')).toEqual(['must be between 0 and 65535']);
    expect(reasons(file, 'server.colour')).toEqual(['unknown key']);
    expect(reasons(file, 'upstream.idle_timeout_ms')).toEqual(['expected an integer']);
    expect(reasons(file, 'log_level')[0]).toMatch(/^expected one of fatal, error/);
    expect(reasons(file, 'providers[0].base_url')).toEqual(['expected an http:// or https:// URL']);
    expect(reasons(file, 'providers[1].type')).toEqual([
      'expected one of openai, openai-compatible, openrouter, anthropic, google, bedrock, azure, vertex',
    ]);
    expect(reasons(file, 'providers[1].keys')).toHaveLength(1);
    expect(reasons(file, 'providers[1].name')).toEqual([
      'duplicate provider "local" (see providers[0])',
    ]);
    expect(reasons(file, 'providers[2].name')).toEqual(['required']);
    expect(reasons(file, 'models[0].id')).toEqual(["must be '<provider>/<model>', with a '/'"]);
    expect(reasons(file, 'models[1].context_length')).toEqual(['must be at least 1']);
    expect(reasons(file, 'models[2].id')).toEqual([
      'duplicate model id "local/llama3" (see models[1])',
    ]);
    expect(reasons(file, 'models[2].pricing.prompt')).toEqual(['must not be negative']);
    expect(reasons(file, 'models[2].pricing.completion')[0]).toMatch(/non-negative decimal/);
    expect(reasons(file, 'models[2].pricing.cached_prompt')).toEqual(['must be a finite number']);
    expect(reasons(file, 'models[3].id')).toEqual([
      'provider "ghost" (from the id) is not defined',
    ]);
    expect(reasons(file, 'models[4].provider')).toEqual(['provider "phantom" is not defined']);
    expect(reasons(file, 'models[4].context_length')).toEqual(['required']);

    expect(reasons('env', 'PORT')).toEqual(['expected an integer']);
    expect(reasons('env', 'LOG_LEVEL')[0]).toMatch(/^expected one of/);
    expect(reasons('env', 'OPENAI_BASE_URL')).toEqual(['expected an http:// or https:// URL']);
    expect(problems).toHaveLength(22);
  });

  it('puts every problem on its own line of the message', () => {
    const file = writeYaml('two.yaml', 'log_level: loud\nextra: 1\n');
    expect(() => loadConfig({ file, env: { PORT: '-1' } })).toThrow(
      [
        'Invalid Switchyard configuration (3 problems):',
        `${file}: log_level: expected one of fatal, error, warn, info, debug, trace, silent`,
        `${file}: extra: unknown key`,
        'env: PORT: must be between 0 and 65535',
      ].join('\n'),
    );
  });

  it('blames SWITCHYARD_CONFIG for a file that cannot be read', () => {
    const problems = problemsOf(() =>
      loadConfig({ env: { SWITCHYARD_CONFIG: 'missing.yaml' }, cwd: directory }),
    );
    expect(problems).toEqual([
      {
        source: 'env',
        path: 'SWITCHYARD_CONFIG',
        reason: `cannot read ${join(directory, 'missing.yaml')}: no such file`,
      },
    ]);
  });

  it('blames the file itself when it was passed in and cannot be read', () => {
    const problems = problemsOf(() => loadConfig({ env: {}, file: directory }));
    expect(problems).toEqual([
      { source: directory, path: '(file)', reason: `cannot read ${directory}: is a directory` },
    ]);
  });

  it('names the line of a YAML syntax error', () => {
    const file = writeYaml('syntax.yaml', `server:\n  port: 8000\nauth: { master_key: \${KEY} }\n`);
    const problems = problemsOf(() => loadConfig({ file, env: { KEY: 'k' } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source: file, path: 'line 3, column 22' });
    expect(problems[0]?.reason).toContain(`quote values that use \${VAR}`);
  });

  it('reports unknown keys and bad types in headers', () => {
    const file = writeYaml(
      'headers.yaml',
      'providers:\n  - { name: p, type: openai, base_url: "http://x", headers: { "bad name": a, X-N: 2 } }\n',
    );
    const problems = problemsOf(() => loadConfig({ file, env: {} }));
    expect(problems.map(({ path, reason }) => `${path}: ${reason}`)).toEqual([
      'providers[0].headers.bad name: not a valid HTTP header name',
      'providers[0].headers.X-N: expected a string, got a number',
    ]);
  });
});
