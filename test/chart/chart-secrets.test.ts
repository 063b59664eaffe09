import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { describe, expect, it } from 'vitest';
import {
  containersOf,
  deploymentOf,
  deploymentsOf,
  envOf,
  manifestsOfKind,
} from './support/find-manifest.js';
import { renderChart, templateChart } from './support/run-helm.js';

const SECRET_VARIABLES = [
  'SWITCHYARD_MASTER_KEY',
  'SWITCHYARD_KEY_PEPPER',
  'SWITCHYARD_ENCRYPTION_KEY',
  'DATABASE_URL',
  'REDIS_URL',
  'NATS_URL',
  'OPENAI_API_KEY',
  'OPENROUTER_API_KEY',
];

describe('secrets with existingSecret', () => {
  const manifests = renderChart({ valuesFiles: ['existing-secret'] });
  const jobs = manifestsOfKind(manifests, 'Job') as unknown as IJob[];
  const containers = [
    ...deploymentsOf(manifests).flatMap(containersOf),
    ...jobs.flatMap((job) => job.spec?.template.spec?.containers ?? []),
  ];

  it('renders no Secret at all', () => {
    expect(manifestsOfKind(manifests, 'Secret')).toEqual([]);
  });

  it('reads every secret through a secretKeyRef to the named Secret and key', () => {
    const [gateway] = containersOf(deploymentOf(manifests, 'gateway'));
    if (gateway === undefined) throw new Error('no gateway container');
    expect(envOf(gateway, 'SWITCHYARD_MASTER_KEY')?.valueFrom?.secretKeyRef).toEqual({
      name: 'switchyard-secrets',
      key: 'master-key',
    });
    expect(envOf(gateway, 'DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({
      name: 'switchyard-postgres',
      key: 'uri',
    });
    expect(envOf(gateway, 'OPENAI_API_KEY')?.valueFrom?.secretKeyRef).toEqual({
      name: 'switchyard-secrets',
      key: 'OPENAI_API_KEY',
      optional: true,
    });
    for (const container of containers) {
      for (const variable of container.env ?? []) {
        if (!SECRET_VARIABLES.includes(variable.name)) continue;
        expect(variable.value, `${container.name}: ${variable.name}`).toBeUndefined();
        expect(
          variable.valueFrom?.secretKeyRef?.name,
          `${container.name}: ${variable.name}`,
        ).toMatch(/^switchyard-(secrets|postgres|redis|nats)$/);
      }
    }
  });

  it('refuses inline secrets beside existingSecret, listing each', () => {
    const result = templateChart({
      valuesFiles: ['existing-secret'],
      set: ['secrets.masterKey=sk-inline', 'secrets.providerKeys.OPENAI_API_KEY=sk-inline'],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'secrets.masterKey must be empty when secrets.existingSecret is set',
    );
    expect(result.stderr).toContain('secrets.providerKeys must be empty');
    expect(result.stderr).not.toContain('sk-inline');
  });
});

describe('inline secrets', () => {
  const manifests = renderChart({ valuesFiles: ['minimal'] });

  it('keeps them in the chart Secret and out of every pod spec', () => {
    const secret = manifestsOfKind(manifests, 'Secret').find(
      (manifest) => manifest.metadata.name === 'sy-switchyard',
    ) as ISecret | undefined;
    const decoded = Object.fromEntries(
      Object.entries(secret?.data ?? {}).map(([key, value]) => [
        key,
        Buffer.from(value, 'base64').toString('utf8'),
      ]),
    );
    expect(decoded).toMatchObject({
      SWITCHYARD_MASTER_KEY: 'sk-sy-test-master-key',
      OPENAI_API_KEY: 'sk-test-openai',
      DATABASE_URL: 'postgres://switchyard:password@postgres.db.svc:5432/switchyard',
    });
    const podSpecs = JSON.stringify(deploymentsOf(manifests));
    for (const value of Object.values(decoded)) expect(podSpecs).not.toContain(value);
  });

  it.each([
    [['secrets.masterKey='], 'secrets.masterKey is required'],
    [['secrets.encryptionKey='], 'secrets.encryptionKey is required by the catalog'],
    [['database.url='], 'database.url or database.existingSecret is required'],
    [['redis.existingSecret=elsewhere'], 'redis: set url or existingSecret, not both'],
    [['secrets.existingSecretKeys.providerKeys={OPENAI_API_KEY}'], 'needs secrets.existingSecret'],
  ])('fails with %j: %s', (set, message) => {
    const result = templateChart({ valuesFiles: ['minimal'], set });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(message);
  });

  it('needs no encryption key when the catalog is off', () => {
    const result = templateChart({
      valuesFiles: ['minimal'],
      set: ['secrets.encryptionKey=', 'catalog.enabled=false', 'ingress.admin.enabled=true'],
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('sy-switchyard-catalog');
  });
});
