import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@switchyard/config';
import { describe, expect, it } from 'vitest';
import { findManifest } from './support/find-manifest.js';
import { renderChart } from './support/run-helm.js';
import { VALID_VALUES_FILES } from './support/values-files.js';

/** The switchyard.yaml a values file renders, loaded as the gateway loads it at start. */
function loadRenderedConfig(valuesFile: string, env: Record<string, string> = {}) {
  const configMap = findManifest(
    renderChart({ valuesFiles: [valuesFile] }),
    'ConfigMap',
    'sy-switchyard-config',
  ) as { data?: Record<string, string> };
  const directory = mkdtempSync(join(tmpdir(), 'switchyard-config-'));
  try {
    const file = join(directory, 'switchyard.yaml');
    writeFileSync(file, configMap.data?.['switchyard.yaml'] ?? '');
    return loadConfig({ env: { SWITCHYARD_CONFIG: file, ...env } });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('the rendered switchyard.yaml', () => {
  it.each(VALID_VALUES_FILES)('is accepted by @switchyard/config with %s.yaml', (name) => {
    const config = loadRenderedConfig(name, { GROQ_KEYS: 'gsk-test' });
    expect(config.server).toMatchObject({ host: '0.0.0.0', port: 8000 });
  });

  it('carries the drain time, timeouts, providers and models of the values', () => {
    const config = loadRenderedConfig('ha-autoscaling', { GROQ_KEYS: 'gsk-test' });
    expect(config.server.shutdownGraceMs).toBe(60_000);
    expect(config.logLevel).toBe('warn');
    expect(config.upstream.requestTimeoutMs).toBe(600_000);
    expect(config.providers.map((provider) => provider.name)).toContain('groq');
    expect(config.models.map((model) => model.id)).toContain('meta/llama-3.1-70b');
  });
});
