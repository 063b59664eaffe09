import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { describe, expect, it } from 'vitest';
import { findManifest, manifestsOfKind } from './support/find-manifest.js';
import { CHART_DIR } from './support/repo-paths.js';
import { renderChart } from './support/run-helm.js';

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
