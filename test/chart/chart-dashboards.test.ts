import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { describe, expect, it } from 'vitest';
import { startFakeKubeApi } from './support/fake-kube-api.js';
import { findManifest, manifestsOfKind } from './support/find-manifest.js';
import { CHART_DIR } from './support/repo-paths.js';
import { manifestsOf, renderChart, templateChartInCluster } from './support/run-helm.js';

const DASHBOARD_FILES = readdirSync(join(CHART_DIR, 'dashboards')).filter((file) =>
  file.endsWith('.json'),
);

function dashboardsConfigMap(valuesFiles: string[], set: string[] = []): IConfigMap {
  return findManifest(
    renderChart({ valuesFiles, set }),
    'ConfigMap',
    'sy-switchyard-dashboards',
  ) as unknown as IConfigMap;
}

describe('the dashboards ConfigMap', () => {
  it('holds every dashboard of the chart, byte for byte, labelled for the Grafana sidecar', () => {
    const configMap = dashboardsConfigMap(['minimal']);
    expect(configMap.metadata?.namespace).toBe('switchyard');
    expect(configMap.metadata?.labels?.grafana_dashboard).toBe('1');
    expect(Object.keys(configMap.data ?? {}).sort()).toEqual(DASHBOARD_FILES.sort());
    expect(DASHBOARD_FILES.length).toBeGreaterThanOrEqual(2);
    for (const file of DASHBOARD_FILES) {
      expect(configMap.data?.[file], file).toBe(
        readFileSync(join(CHART_DIR, 'dashboards', file), 'utf8'),
      );
    }
  });

  it('takes the label, namespace and annotations the sidecar is set up with', () => {
    const configMap = dashboardsConfigMap(['monitoring']);
    expect(configMap.metadata?.namespace).toBe('monitoring');
    expect(configMap.metadata?.labels?.grafana_dashboard_switchyard).toBe('true');
    expect(configMap.metadata?.labels?.grafana_dashboard).toBeUndefined();
    expect(configMap.metadata?.annotations).toEqual({ grafana_folder: 'Switchyard' });
  });

  it('is left out with dashboards.enabled=false', () => {
    const names = manifestsOfKind(
      renderChart({ valuesFiles: ['minimal'], set: ['dashboards.enabled=false'] }),
      'ConfigMap',
    ).map((manifest) => manifest.metadata.name);
    expect(names).toEqual(['sy-switchyard-config']);
  });
});

describe('the dashboards ConfigMap in another namespace', () => {
  async function installInto(namespaces: string[]) {
    const cluster = await startFakeKubeApi([], namespaces);
    try {
      return await templateChartInCluster({ valuesFiles: ['monitoring'] }, cluster.kubeconfig);
    } finally {
      await cluster.close();
    }
  }

  it('goes to that namespace when the cluster has it', async () => {
    const result = await installInto(['switchyard', 'monitoring']);
    const configMap = findManifest(manifestsOf(result), 'ConfigMap', 'sy-switchyard-dashboards');
    expect((configMap as unknown as IConfigMap).metadata?.namespace).toBe('monitoring');
  });

  it('fails the install with a clear error, before anything is applied, when it does not exist', async () => {
    const result = await installInto(['switchyard']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('dashboards.namespace: namespace "monitoring" does not exist');
    expect(result.stderr).toContain('set dashboards.namespace to ""');
  });

  it('needs no check in the release namespace', async () => {
    const cluster = await startFakeKubeApi([], ['switchyard']);
    try {
      const result = await templateChartInCluster({ valuesFiles: ['minimal'] }, cluster.kubeconfig);
      const configMap = findManifest(manifestsOf(result), 'ConfigMap', 'sy-switchyard-dashboards');
      expect((configMap as unknown as IConfigMap).metadata?.namespace).toBe('switchyard');
    } finally {
      await cluster.close();
    }
  });
});
