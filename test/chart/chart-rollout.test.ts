import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type ClusterObject, startFakeKubeApi } from './support/fake-kube-api.js';
import { deploymentOf, findManifest, manifestsOfKind } from './support/find-manifest.js';
import {
  type HelmValues,
  manifestsOf,
  renderChart,
  templateChart,
  templateChartInCluster,
} from './support/run-helm.js';

function podAnnotations(values: HelmValues, component: string): Record<string, string> {
  return deploymentOf(renderChart(values), component).spec?.template.metadata?.annotations ?? {};
}

describe('rolling pods on change', () => {
  const base = { valuesFiles: ['minimal'] };

  it('changes checksum/config of the gateway and the catalog when switchyard.yaml changes', () => {
    for (const component of ['gateway', 'catalog']) {
      const before = podAnnotations(base, component)['checksum/config'];
      expect(before).toMatch(/^[0-9a-f]{64}$/);
      expect(podAnnotations(base, component)['checksum/config']).toBe(before);
      const after = podAnnotations({ ...base, set: ['config.log_level=debug'] }, component);
      expect(after['checksum/config']).not.toBe(before);
    }
    expect(podAnnotations(base, 'accounting')['checksum/config']).toBeUndefined();
  });

  it('changes checksum/secret, not checksum/config, when a secret changes', () => {
    const before = podAnnotations(base, 'gateway');
    const after = podAnnotations({ ...base, set: ['secrets.masterKey=sk-sy-rotated'] }, 'gateway');
    expect(after['checksum/secret']).not.toBe(before['checksum/secret']);
    expect(after['checksum/config']).toBe(before['checksum/config']);
  });

  it('mounts the ConfigMap the checksum is of, with the chart-set listen address and drain', () => {
    const manifests = renderChart(base);
    const configMap = findManifest(manifests, 'ConfigMap', 'sy-switchyard-config') as {
      data?: Record<string, string>;
    };
    const config = parse(configMap.data?.['switchyard.yaml'] ?? '') as {
      server: Record<string, unknown>;
    };
    expect(config.server).toEqual({
      host: '0.0.0.0',
      port: 8000,
      shutdown_grace_ms: 30000,
      body_limit_bytes: 4194304,
      headers_timeout_ms: 30000,
      body_timeout_ms: 60000,
    });
    const pod = deploymentOf(manifests, 'gateway').spec?.template.spec;
    expect(pod?.volumes).toContainEqual({
      name: 'config',
      configMap: { name: 'sy-switchyard-config' },
    });
    const container = pod?.containers[0];
    expect(container?.env).toContainEqual({
      name: 'SWITCHYARD_CONFIG',
      value: '/etc/switchyard/switchyard.yaml',
    });
    expect(container?.volumeMounts).toContainEqual({
      name: 'config',
      mountPath: '/etc/switchyard',
      readOnly: true,
    });
  });

  it('refuses a termination grace period the drain does not fit in', () => {
    const result = templateChart({
      ...base,
      set: ['gateway.shutdownGraceMs=60000', 'gateway.terminationGracePeriodSeconds=60'],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'gateway.terminationGracePeriodSeconds (60) must exceed preStopSleepSeconds + shutdownGraceMs / 1000 (65)',
    );
  });
});

describe('scaling the gateway', () => {
  it('has no HorizontalPodAutoscaler unless enabled, and fixed replicas then', () => {
    const manifests = renderChart({ valuesFiles: ['minimal'] });
    expect(manifestsOfKind(manifests, 'HorizontalPodAutoscaler')).toEqual([]);
    expect(deploymentOf(manifests, 'gateway').spec?.replicas).toBe(2);
  });

  it('hands scaling to the HorizontalPodAutoscaler when enabled', () => {
    const manifests = renderChart({ valuesFiles: ['ha-autoscaling'] });
    const autoscalers = manifestsOfKind(
      manifests,
      'HorizontalPodAutoscaler',
    ) as unknown as IHorizontalPodAutoscaler[];
    expect(autoscalers).toHaveLength(1);
    const [autoscaler] = autoscalers;
    expect(autoscaler?.spec?.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'sy-switchyard-gateway',
    });
    expect(autoscaler?.spec).toMatchObject({ minReplicas: 3, maxReplicas: 20 });
    expect(autoscaler?.spec?.metrics?.map((metric) => metric.resource?.name)).toEqual([
      'cpu',
      'memory',
    ]);
    expect(autoscaler?.spec?.behavior?.scaleDown?.stabilizationWindowSeconds).toBe(300);
    // No cluster (helm template): the larger of replicaCount (2) and minReplicas (3).
    expect(deploymentOf(manifests, 'gateway').spec?.replicas).toBe(3);
    expect(deploymentOf(manifests, 'accounting').spec?.replicas).toBe(3);
  });

  describe('turning the autoscaler on in a running release never drops replicas', () => {
    const gatewayRunning = (replicas: number): ClusterObject => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'sy-switchyard-gateway',
        namespace: 'switchyard',
        // The release's own Deployment, as helm marks it.
        labels: { 'app.kubernetes.io/managed-by': 'Helm' },
        annotations: {
          'meta.helm.sh/release-name': 'sy',
          'meta.helm.sh/release-namespace': 'switchyard',
        },
      },
      spec: { replicas },
    });

    async function gatewayReplicasInCluster(running: ClusterObject[]): Promise<number | undefined> {
      const cluster = await startFakeKubeApi(running, ['switchyard']);
      try {
        const result = await templateChartInCluster(
          { valuesFiles: ['ha-autoscaling'] },
          cluster.kubeconfig,
        );
        return deploymentOf(manifestsOf(result), 'gateway').spec?.replicas;
      } finally {
        await cluster.close();
      }
    }

    it('keeps the count the autoscaler (or the old fixed value) set', async () => {
      // The field stays in the manifest: an upgrade that removed it would leave one replica.
      expect(await gatewayReplicasInCluster([gatewayRunning(7)])).toBe(7);
    });

    it('raises a running count below minReplicas to it', async () => {
      expect(await gatewayReplicasInCluster([gatewayRunning(2)])).toBe(3);
    });

    it('starts a first install at minReplicas', async () => {
      expect(await gatewayReplicasInCluster([])).toBe(3);
    });
  });

  it('refuses an autoscaler with nothing to scale on', () => {
    const result = templateChart({
      valuesFiles: ['ha-autoscaling'],
      set: [
        'gateway.autoscaling.targetCPUUtilizationPercentage=null',
        'gateway.autoscaling.targetMemoryUtilizationPercentage=null',
      ],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('gateway.autoscaling needs targetCPUUtilizationPercentage');
  });

  it('keeps pods up through voluntary disruptions, as configured per component', () => {
    const budgets = manifestsOfKind(
      renderChart({ valuesFiles: ['ha-autoscaling'] }),
      'PodDisruptionBudget',
    ) as unknown as IPodDisruptionBudget[];
    const byName = Object.fromEntries(
      budgets.map((budget) => [budget.metadata?.name, budget.spec]),
    );
    expect(byName['sy-switchyard-gateway']).toMatchObject({ minAvailable: 2 });
    expect(byName['sy-switchyard-gateway']?.maxUnavailable).toBeUndefined();
    expect(byName['sy-switchyard-accounting']).toMatchObject({ maxUnavailable: '50%' });
    expect(byName['sy-switchyard-catalog']).toMatchObject({ maxUnavailable: 1 });
    expect(byName['sy-switchyard-gateway']?.selector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'switchyard',
      'app.kubernetes.io/instance': 'sy',
      'app.kubernetes.io/component': 'gateway',
    });
  });
});
