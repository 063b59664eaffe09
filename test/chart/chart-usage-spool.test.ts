import { describe, expect, it } from 'vitest';
import { containersOf, deploymentOf, envOf } from './support/find-manifest.js';
import { renderChart } from './support/run-helm.js';

/** The gateway's spool volume, mount and environment as rendered with these `--set`s. */
function renderedSpool(set: readonly string[] = []) {
  const gateway = deploymentOf(renderChart({ valuesFiles: ['minimal'], set }), 'gateway');
  const [container] = containersOf(gateway);
  if (container === undefined) throw new Error('the gateway has no container');
  return {
    volume: gateway.spec?.template.spec?.volumes?.find((volume) => volume.name === 'usage-spool'),
    mount: container.volumeMounts?.find((mount) => mount.name === 'usage-spool'),
    directory: envOf(container, 'SWITCHYARD_USAGE_SPOOL_DIR')?.value,
    fsyncMs: envOf(container, 'SWITCHYARD_USAGE_SPOOL_FSYNC_MS')?.value,
    maxBytes: envOf(container, 'SWITCHYARD_USAGE_SPOOL_MAX_BYTES')?.value,
  };
}

describe('the gateway usage spool', () => {
  it('is on by default: an emptyDir sized past the spool limit, mounted where the env points', () => {
    const spool = renderedSpool();
    expect(spool.volume).toEqual({ name: 'usage-spool', emptyDir: { sizeLimit: 285212672 } });
    expect(spool.mount?.mountPath).toBe('/var/spool/switchyard');
    expect(spool.directory).toBe('/var/spool/switchyard');
    expect(spool.fsyncMs).toBe('100');
    expect(spool.maxBytes).toBe('268435456');
  });

  it('follows its values, and is gone when disabled', () => {
    const tuned = renderedSpool([
      'gateway.usageSpool.fsyncMs=50',
      'gateway.usageSpool.maxBytes=1073741824',
      'gateway.usageSpool.medium=Memory',
    ]);
    expect(tuned.volume?.emptyDir).toEqual({ sizeLimit: 1090519040, medium: 'Memory' });
    expect(tuned).toMatchObject({ fsyncMs: '50', maxBytes: '1073741824' });

    const off = renderedSpool(['gateway.usageSpool.enabled=false']);
    expect(off).toEqual({
      volume: undefined,
      mount: undefined,
      directory: undefined,
      fsyncMs: undefined,
      maxBytes: undefined,
    });
  });
});
