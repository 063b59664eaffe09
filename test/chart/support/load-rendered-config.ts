import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type SwitchyardConfig } from '@switchyard/config';
import { findManifest } from './find-manifest.js';
import type { Manifest } from './run-helm.js';

/**
 * The switchyard.yaml of the rendered ConfigMap, loaded by @switchyard/config as the gateway and
 * the catalog load it at start, with `env` as their process environment.
 */
export function loadRenderedConfig(
  manifests: readonly Manifest[],
  env: Record<string, string>,
): SwitchyardConfig {
  const configMap = findManifest(manifests, 'ConfigMap', 'sy-switchyard-config') as {
    data?: Record<string, string>;
  };
  const directory = mkdtempSync(join(tmpdir(), 'switchyard-config-'));
  try {
    const file = join(directory, 'switchyard.yaml');
    writeFileSync(file, configMap.data?.['switchyard.yaml'] ?? '');
    return loadConfig({ env: { ...env, SWITCHYARD_CONFIG: file } });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
