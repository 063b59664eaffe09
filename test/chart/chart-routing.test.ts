import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { findManifest, manifestsOfKind } from './support/find-manifest.js';
import { renderChart } from './support/run-helm.js';

function routesOf(ingress: IIngress): Record<string, string> {
  const paths = ingress.spec?.rules?.flatMap((rule) => rule.http?.paths ?? []) ?? [];
  return Object.fromEntries(
    paths.map((path) => [path.path ?? '', path.backend.service?.name ?? '']),
  );
}

describe('Ingresses', () => {
  const manifests = renderChart({ valuesFiles: ['ha-autoscaling'] });

  it('sends every path of the public host to the gateway', () => {
    const ingress = findManifest(
      manifests,
      'Ingress',
      'sy-switchyard-gateway',
    ) as unknown as IIngress;
    expect(ingress.spec?.rules?.map((rule) => rule.host)).toEqual(['switchyard.example.com']);
    expect(routesOf(ingress)).toEqual({ '/': 'sy-switchyard-gateway' });
    expect(ingress.spec?.tls).toEqual([
      { secretName: 'switchyard-tls', hosts: ['switchyard.example.com'] },
    ]);
    expect(ingress.spec?.ingressClassName).toBe('nginx');
  });

  it("sends the catalog's admin paths to the catalog and the rest of /admin/v1 to accounting", () => {
    const ingress = findManifest(
      manifests,
      'Ingress',
      'sy-switchyard-admin',
    ) as unknown as IIngress;
    expect(routesOf(ingress)).toEqual({
      '/admin/v1/models': 'sy-switchyard-catalog',
      '/admin/v1/providers': 'sy-switchyard-catalog',
      '/admin/v1/credentials': 'sy-switchyard-catalog',
      '/admin/v1/catalog': 'sy-switchyard-catalog',
      '/admin/v1': 'sy-switchyard-accounting',
    });
    const pathTypes = ingress.spec?.rules?.flatMap((rule) =>
      (rule.http?.paths ?? []).map((path) => path.pathType),
    );
    expect(new Set(pathTypes)).toEqual(new Set(['Prefix']));
  });

  it('points every backend at a Service port that exists', () => {
    const services = manifestsOfKind(manifests, 'Service') as unknown as IService[];
    for (const ingress of manifestsOfKind(manifests, 'Ingress') as unknown as IIngress[]) {
      for (const path of ingress.spec?.rules?.flatMap((rule) => rule.http?.paths ?? []) ?? []) {
        const backend = path.backend.service;
        const service = services.find((candidate) => candidate.metadata?.name === backend?.name);
        expect(service?.spec?.ports?.map((port) => port.name)).toContain(backend?.port?.name);
      }
    }
  });

  it('are off by default', () => {
    expect(manifestsOfKind(renderChart({ valuesFiles: ['minimal'] }), 'Ingress')).toEqual([]);
  });
});

describe('ServiceMonitor', () => {
  it('is off by default', () => {
    expect(manifestsOfKind(renderChart({ valuesFiles: ['minimal'] }), 'ServiceMonitor')).toEqual(
      [],
    );
  });

  it("scrapes /metrics on every service's http port, with the Prometheus selector labels", () => {
    const manifests = renderChart({ valuesFiles: ['service-monitor'] });
    const monitor = findManifest(
      manifests,
      'ServiceMonitor',
      'sy-switchyard',
    ) as unknown as IServiceMonitor;
    expect(monitor.metadata?.labels?.release).toBe('kube-prometheus-stack');
    expect(monitor.spec.endpoints).toEqual([
      { port: 'http', path: '/metrics', interval: '15s', scrapeTimeout: '10s' },
    ]);
    const services = manifestsOfKind(manifests, 'Service') as unknown as IService[];
    const selected = services.filter((service) => {
      const labels = service.metadata?.labels ?? {};
      const { matchLabels = {}, matchExpressions = [] } = monitor.spec.selector;
      const matches = Object.entries(matchLabels).every(([key, value]) => labels[key] === value);
      return (
        matches &&
        matchExpressions.every((expression) =>
          (expression.values ?? []).includes(labels[expression.key] ?? ''),
        )
      );
    });
    expect(selected.map((service) => service.metadata?.name).sort()).toEqual([
      'sy-switchyard-accounting',
      'sy-switchyard-catalog',
      'sy-switchyard-console',
      'sy-switchyard-gateway',
    ]);
  });
});
