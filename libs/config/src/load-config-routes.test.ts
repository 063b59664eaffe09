import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const directory = mkdtempSync(join(tmpdir(), 'switchyard-config-routes-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeYaml(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

function problemsOf(file: string, env: Record<string, string> = {}): string[] {
  try {
    loadConfig({ file, env });
  } catch (error: unknown) {
    if (error instanceof ConfigError) {
      return error.problems.map(({ path, reason }) => `${path}: ${reason}`);
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const PROVIDERS = `
providers:
  - { name: groq, type: openai-compatible, base_url: "https://api.groq.com/openai/v1" }
  - { name: together, type: openai-compatible, base_url: "https://api.together.xyz/v1" }
  - { name: local, type: openai-compatible, base_url: "http://127.0.0.1:11434/v1" }
`;

describe('loadConfig routes', () => {
  it('sorts routes by priority, keeping the YAML order among equals', () => {
    const file = writeYaml(
      'routes.yaml',
      `${PROVIDERS}
models:
  - id: meta/llama-3.1-70b
    context_length: 131072
    routes:
      - provider: together
        upstream_model: meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo
        priority: 2
        pricing: { prompt: "0.00000088", completion: "0.00000088" }
      - provider: groq
        upstream_model: llama-3.1-70b-versatile
        priority: 1
        pricing: { prompt: "0.00000059", completion: "0.00000079" }
      - { provider: local, priority: 2 }
      - { provider: groq, upstream_model: llama-3.1-70b-specdec, priority: "1" }
`,
    );
    const model = loadConfig({ file, env: {} }).models[0];
    expect(model?.id).toBe('meta/llama-3.1-70b');
    expect(
      model?.routes.map(({ provider, upstreamModel, priority }) => [
        provider,
        upstreamModel,
        priority,
      ]),
    ).toEqual([
      ['groq', 'llama-3.1-70b-versatile', 1],
      ['groq', 'llama-3.1-70b-specdec', 1],
      ['together', 'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo', 2],
      // upstream_model defaults to the part of the id after the first '/'.
      ['local', 'llama-3.1-70b', 2],
    ]);
    expect(model?.routes[0]?.pricing).toEqual({
      prompt: '0.00000059',
      completion: '0.00000079',
      cachedPrompt: undefined,
      reasoning: undefined,
    });
  });

  it('gives routes priority 0 by default, the shorthand route included', () => {
    const file = writeYaml(
      'default-priority.yaml',
      `${PROVIDERS}
models:
  - id: local/llama3
    context_length: 8192
  - id: meta/llama-3.1-8b
    context_length: 8192
    routes: [{ provider: groq }, { provider: local }]
`,
    );
    const [shorthand, routed] = loadConfig({ file, env: {} }).models;
    expect(shorthand?.routes.map((route) => route.priority)).toEqual([0]);
    expect(routed?.routes.map((route) => [route.provider, route.priority])).toEqual([
      ['groq', 0],
      ['local', 0],
    ]);
  });

  it('marks a route free when every price it has is zero', () => {
    const file = writeYaml(
      'free.yaml',
      `${PROVIDERS}
models:
  - id: local/free-model:free
    context_length: 8192
    routes:
      - { provider: local, pricing: { prompt: 0, completion: "0.000" } }
      - { provider: groq, pricing: { prompt: 0, completion: 0, cached_prompt: 0, reasoning: 0 } }
      - { provider: together, pricing: { prompt: 0, completion: 0, reasoning: "0.000001" } }
      - { provider: together, pricing: { prompt: "0.0000001", completion: 0 } }
  - id: local/unpriced
    context_length: 8192
`,
    );
    const [routed, unpriced] = loadConfig({ file, env: {} }).models;
    expect(routed?.id).toBe('local/free-model:free');
    expect(routed?.routes.map((route) => route.free)).toEqual([true, true, false, false]);
    expect(unpriced?.routes[0]?.free).toBe(true);
  });

  it('reports both forms on one model, empty routes and unknown route providers', () => {
    const file = writeYaml(
      'bad-routes.yaml',
      `${PROVIDERS}
models:
  - id: meta/both
    context_length: 1
    provider: groq
    routes: [{ provider: groq }]
  - id: meta/empty
    context_length: 1
    routes: []
  - id: meta/ghosts
    context_length: 1
    routes:
      - { provider: groq, priority: -1 }
      - { provider: phantom }
      - { upstream_model: x, colour: red }
`,
    );
    expect(problemsOf(file)).toEqual([
      'models[1].routes: must list at least one route',
      'models[2].routes[0].priority: must be at least 0',
      'models[2].routes[2].provider: required',
      'models[2].routes[2].colour: unknown key',
      'models[0].routes: use either routes or provider/upstream_model/pricing',
      'models[2].routes[1].provider: provider "phantom" is not defined',
    ]);
  });

  it('reports both forms even when the model has other problems', () => {
    const file = writeYaml(
      'both-forms.yaml',
      `${PROVIDERS}
models:
  - id: meta/both
    upstream_model: x
    pricing: { prompt: 0 }
    routes: [{ provider: groq }]
`,
    );
    expect(problemsOf(file)).toEqual([
      'models[0].context_length: required',
      'models[0].routes: use either routes or provider/upstream_model/pricing',
    ]);
  });

  it('lets routes name providers the environment defines, and keeps their defaults out', () => {
    const file = writeYaml(
      'env-routes.yaml',
      `models:
  - id: anthropic/claude-sonnet
    context_length: 200000
    routes:
      - { provider: openrouter, upstream_model: anthropic/claude-sonnet-4.5, priority: 1 }
      - { provider: anthropic, upstream_model: claude-sonnet-4-5 }
`,
    );
    const config = loadConfig({ file, env: { ANTHROPIC_API_KEY: 'a', OPENROUTER_API_KEY: 'o' } });
    expect(config.models.map((model) => model.id)).toEqual(['anthropic/claude-sonnet']);
    expect(config.models[0]?.routes.map((route) => route.provider)).toEqual([
      'anthropic',
      'openrouter',
    ]);
    expect(problemsOf(file, { ANTHROPIC_API_KEY: 'a' })).toEqual([
      'models[0].routes[0].provider: provider "openrouter" is not defined',
    ]);
  });
});
