import { describe, expect, it } from 'vitest';
import { loadRenderedConfig } from './support/load-rendered-config.js';
import { podEnvironment } from './support/pod-environment.js';
import { renderChart } from './support/run-helm.js';
import { VALID_VALUES_FILES } from './support/values-files.js';

/** Every key of a Secret the platform team manages holds a placeholder. */
const anyExternalValue = (secret: string, key: string) => `test-${secret}-${key}`;

describe('the rendered switchyard.yaml', () => {
  // The catalog reads the same file: a ${VAR} only the gateway gets would stop it at start.
  it.each(
    VALID_VALUES_FILES.flatMap((name) => [
      [name, 'gateway'],
      [name, 'catalog'],
    ]),
  )('is accepted by @switchyard/config with %s.yaml in the %s pod', (name, component) => {
    const manifests = renderChart({ valuesFiles: [name] });
    const env = podEnvironment(manifests, component, anyExternalValue);
    const config = loadRenderedConfig(manifests, env);
    // PORT (the component's container port) overrides the file's gateway port.
    expect(config.server).toMatchObject({ host: '0.0.0.0', port: Number(env.PORT) });
    expect(env.PORT).toBe(component === 'gateway' ? '8000' : '8003');
  });

  it('carries the drain time, timeouts, providers and models of the values', () => {
    const manifests = renderChart({ valuesFiles: ['ha-autoscaling'] });
    const config = loadRenderedConfig(
      manifests,
      podEnvironment(manifests, 'gateway', anyExternalValue),
    );
    expect(config.server.shutdownGraceMs).toBe(60_000);
    expect(config.logLevel).toBe('warn');
    expect(config.upstream.requestTimeoutMs).toBe(600_000);
    expect(config.providers.find((provider) => provider.name === 'groq')?.credentials).toEqual([
      expect.objectContaining({ key: 'test-groq-keys-keys' }),
    ]);
    expect(config.models.map((model) => model.id)).toContain('meta/llama-3.1-70b');
  });
});
