import { readFileSync } from 'node:fs';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { containersOf, deploymentsOf, envOf, manifestsOfKind } from './support/find-manifest.js';
import { CHART_DIR } from './support/repo-paths.js';
import { manifestsOf, renderChart, templateChart } from './support/run-helm.js';
import { CUSTOM_RESOURCES, SERVED_SINCE } from './support/served-since.js';
import { findSchemaProblem } from './support/validate-manifest.js';
import { COMPONENTS, VALID_VALUES_FILES } from './support/values-files.js';

const rendered = Object.fromEntries(
  VALID_VALUES_FILES.map((name) => [name, renderChart({ valuesFiles: [name] })]),
);

describe.each(VALID_VALUES_FILES)('helm template with %s.yaml', (name) => {
  const manifests = rendered[name] ?? [];

  it('renders only manifests valid against the Kubernetes schemas', () => {
    expect(manifests.length).toBeGreaterThan(0);
    const problems = manifests.map(findSchemaProblem).filter((problem) => problem !== undefined);
    expect(problems).toEqual([]);
  });

  it('renders a Deployment, a Service and a PodDisruptionBudget per component', () => {
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget']) {
      expect(manifestsOfKind(manifests, kind).map((manifest) => manifest.metadata.name)).toEqual(
        expect.arrayContaining(COMPONENTS.map((component) => `sy-switchyard-${component}`)),
      );
    }
  });

  it('probes every container: startup and liveness on /livez, readiness on /readyz', () => {
    const containers = deploymentsOf(manifests).flatMap(containersOf);
    expect(containers.length).toBe(COMPONENTS.length);
    for (const container of containers) {
      expect(container.startupProbe?.httpGet?.path, container.name).toBe('/livez');
      expect(container.livenessProbe?.httpGet?.path, container.name).toBe('/livez');
      expect(container.readinessProbe?.httpGet?.path, container.name).toBe('/readyz');
      for (const probe of [
        container.startupProbe,
        container.livenessProbe,
        container.readinessProbe,
      ]) {
        expect(probe?.httpGet?.port).toBe('http');
      }
      expect(container.ports?.map((port) => port.name)).toEqual(['http']);
    }
  });

  it('runs every pod non-root with a read-only root, no capabilities and seccomp', () => {
    for (const deployment of deploymentsOf(manifests)) {
      const pod = deployment.spec?.template.spec;
      expect(pod?.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 10001,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(pod?.automountServiceAccountToken).toBe(false);
      expect(pod?.volumes?.find((volume) => volume.name === 'tmp')?.emptyDir).toBeDefined();
      for (const container of pod?.containers ?? []) {
        expectLockedDown(container);
        expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
      }
    }
  });

  it('gives every container resources and its listen PORT', () => {
    for (const deployment of deploymentsOf(manifests)) {
      for (const container of containersOf(deployment)) {
        expect(container.resources?.requests?.memory, container.name).toBeDefined();
        expect(container.resources?.limits?.memory, container.name).toBeDefined();
        const port = container.ports?.[0]?.containerPort;
        expect(envOf(container, 'PORT')?.value).toBe(String(port));
      }
    }
  });

  it('waits longer than the drain before killing a pod', () => {
    for (const deployment of deploymentsOf(manifests)) {
      const pod = deployment.spec?.template.spec;
      const container = pod?.containers[0];
      if (container === undefined) throw new Error('no container');
      const drainMs = Number(envOf(container, 'SWITCHYARD_SHUTDOWN_GRACE_MS')?.value);
      const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
      const preStopMs = preStop[0] === 'sleep' ? Number(preStop[1]) * 1000 : 0;
      expect(drainMs).toBeGreaterThan(0);
      expect((pod?.terminationGracePeriodSeconds ?? 0) * 1000).toBeGreaterThan(drainMs + preStopMs);
    }
  });
});

function expectLockedDown(container: IContainer): void {
  expect(container.securityContext, container.name).toMatchObject({
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    privileged: false,
    capabilities: { drop: ['ALL'] },
  });
}

describe('the schema validation', () => {
  it('catches a manifest Kubernetes would refuse', () => {
    const deployment = structuredClone(
      manifestsOfKind(rendered.minimal ?? [], 'Deployment')[0],
    ) as unknown as { spec: { template: { spec: { containers: { ports: unknown[] }[] } } } };
    const container = deployment.spec.template.spec.containers[0];
    if (container === undefined) throw new Error('no container');
    container.ports = [{ name: 'http', containerPort: 'eight thousand' }];
    expect(findSchemaProblem(deployment as never)).toMatch(/containerPort must be integer/);
  });
});

describe("the chart's minimum Kubernetes version", () => {
  const chart = parse(readFileSync(`${CHART_DIR}/Chart.yaml`, 'utf8')) as { kubeVersion: string };
  const minimum = /^>=\s*1\.(\d+)\./.exec(chart.kubeVersion);

  it.each(VALID_VALUES_FILES)('serves every kind %s.yaml renders', (name) => {
    expect(minimum, chart.kubeVersion).not.toBeNull();
    const minor = Number(minimum?.[1]);
    // Rendered for that version (Capabilities.KubeVersion), then each kind checked.
    const atMinimum = manifestsOf(templateChart({ valuesFiles: [name] }, `1.${minor}.0`));
    for (const manifest of atMinimum) {
      const kind = `${manifest.apiVersion}/${manifest.kind}`;
      if (CUSTOM_RESOURCES.includes(kind)) continue;
      expect(SERVED_SINCE[kind], `${kind} is not in served-since.ts`).toBeDefined();
      expect(SERVED_SINCE[kind], kind).toBeLessThanOrEqual(minor);
    }
  });
});
