import { readFileSync } from 'node:fs';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { describe, expect, it } from 'vitest';
import { findManifest, manifestsOfKind } from './support/find-manifest.js';
import { execForm, parseDockerfile } from './support/parse-dockerfile.js';
import { repoPath } from './support/repo-paths.js';
import { renderChart } from './support/run-helm.js';

const HOOK = 'helm.sh/hook';
const WEIGHT = 'helm.sh/hook-weight';
const DELETE_POLICY = 'helm.sh/hook-delete-policy';

describe('the migration Job', () => {
  const manifests = renderChart({ valuesFiles: ['minimal'] });
  const job = findManifest(manifests, 'Job', 'sy-switchyard-migrate');
  const typedJob = job as unknown as IJob;
  const container = typedJob.spec?.template.spec?.containers[0];

  it('runs before install and upgrade, and is replaced or removed after', () => {
    expect(job.metadata.annotations).toMatchObject({
      [HOOK]: 'pre-install,pre-upgrade',
      [WEIGHT]: '0',
      [DELETE_POLICY]: 'before-hook-creation,hook-succeeded',
    });
    expect(typedJob.spec?.template.spec?.restartPolicy).toBe('Never');
    expect(typedJob.spec?.backoffLimit).toBeGreaterThanOrEqual(0);
    expect(typedJob.spec?.activeDeadlineSeconds).toBeGreaterThan(0);
  });

  it('fails an upgrade it cannot finish, before any pod of the release is replaced', () => {
    // helm applies a release's resources only after every pre-upgrade hook has succeeded, and a
    // failed hook fails the upgrade: the Deployments below are no hooks, so they stay as they are.
    for (const manifest of manifests.filter((candidate) => candidate !== job)) {
      const hook = manifest.metadata.annotations?.[HOOK];
      if (manifest.kind === 'Deployment') expect(hook, manifest.metadata.name).toBeUndefined();
    }
    // It ends: a bounded number of tries within a deadline, never a Job helm waits on forever.
    expect(typedJob.spec?.backoffLimit).toBeLessThanOrEqual(10);
    expect(typedJob.spec?.activeDeadlineSeconds).toBeLessThanOrEqual(3600);
    // A failed Job is kept for `kubectl logs` (no hook-failed delete policy) until the next try.
    expect(job.metadata.annotations?.[DELETE_POLICY]).not.toContain('hook-failed');
    // A later rollout replaces pods one by one, a new one ready before an old one stops.
    for (const deployment of manifestsOfKind(manifests, 'Deployment')) {
      expect((deployment as { spec?: unknown }).spec).toMatchObject({
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } },
      });
    }
  });

  it('gets DATABASE_URL from a hook Secret created before it (the release has none yet)', () => {
    const secret = findManifest(manifests, 'Secret', 'sy-switchyard-migrate');
    expect(secret.metadata.annotations?.[HOOK]).toBe('pre-install,pre-upgrade');
    expect(Number(secret.metadata.annotations?.[WEIGHT])).toBeLessThan(
      Number(job.metadata.annotations?.[WEIGHT]),
    );
    expect(secret.metadata.annotations?.[DELETE_POLICY]).toContain('before-hook-creation');
    expect(container?.env?.find((variable) => variable.name === 'DATABASE_URL')).toEqual({
      name: 'DATABASE_URL',
      valueFrom: { secretKeyRef: { name: 'sy-switchyard-migrate', key: 'DATABASE_URL' } },
    });
    expect(typedJob.spec?.template.spec?.serviceAccountName).toBeUndefined();
  });

  it('runs the image command of the Dockerfile (args, so tini stays the entrypoint)', () => {
    const dockerfile = parseDockerfile(readFileSync(repoPath('docker/Dockerfile'), 'utf8'));
    const stage = dockerfile.stages.find((candidate) => candidate.name === 'service-migrate');
    const command = stage?.instructions.find((instruction) => instruction.keyword === 'CMD');
    if (command === undefined) throw new Error('service-migrate has no CMD');
    const imageCommand = execForm(command);
    expect(container?.command).toBeUndefined();
    expect(container?.args?.slice(0, -1)).toEqual(imageCommand.slice(0, -1));
    expect(container?.args?.at(-1)).toBe('120');
    expect(container?.image).toBe('switchyard/migrate:0.1.0');
  });

  it('is locked down like the services', () => {
    expect(container?.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(container?.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
  });

  it('reads an existing database Secret directly, with no hook Secret', () => {
    const existing = renderChart({ valuesFiles: ['existing-secret'] });
    expect(manifestsOfKind(existing, 'Secret')).toEqual([]);
    const existingJob = findManifest(existing, 'Job', 'sy-switchyard-migrate') as unknown as IJob;
    expect(existingJob.spec?.template.spec?.containers[0]?.env).toContainEqual({
      name: 'DATABASE_URL',
      valueFrom: { secretKeyRef: { name: 'switchyard-postgres', key: 'uri' } },
    });
  });

  it('is left out when migrations are off', () => {
    const off = renderChart({ valuesFiles: ['minimal'], set: ['migrations.enabled=false'] });
    expect(manifestsOfKind(off, 'Job')).toEqual([]);
    expect(off.some((manifest) => manifest.metadata.name === 'sy-switchyard-migrate')).toBe(false);
  });
});
