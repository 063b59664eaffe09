import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import {
  containersOf,
  deploymentOf,
  envOf,
  findManifest,
  manifestsOfKind,
} from './support/find-manifest.js';
import { renderChart, templateChart } from './support/run-helm.js';

/** What the console must never get: it reaches only the public APIs, with the user's own key. */
const SECRET_VARIABLES = [
  'SWITCHYARD_MASTER_KEY',
  'SWITCHYARD_KEY_PEPPER',
  'SWITCHYARD_ENCRYPTION_KEY',
  'DATABASE_URL',
  'REDIS_URL',
  'NATS_URL',
  'OPENAI_API_KEY',
];

function consoleContainer(valuesFiles: string[], set: string[] = []) {
  const [container] = containersOf(deploymentOf(renderChart({ valuesFiles, set }), 'console'));
  if (container === undefined) throw new Error('no console container');
  return container;
}

describe('the console', () => {
  const manifests = renderChart({ valuesFiles: ['ha-autoscaling'] });
  const [container] = containersOf(deploymentOf(manifests, 'console'));
  if (container === undefined) throw new Error('no console container');

  it('runs one replica of the console image on its own port', () => {
    expect(deploymentOf(manifests, 'console').spec?.replicas).toBe(1);
    expect(container.image).toBe('registry.example.com/platform/switchyard/console:1.2.3');
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8004, protocol: 'TCP' }]);
    expect(envOf(container, 'PORT')?.value).toBe('8004');
  });

  it("reaches the release's accounting, catalog and gateway through their Services", () => {
    const services = manifestsOfKind(manifests, 'Service') as unknown as IService[];
    const origins = Object.fromEntries(
      services.map((service) => [
        service.metadata?.name,
        `http://${service.metadata?.name}.switchyard.svc:${service.spec?.ports?.[0]?.port}`,
      ]),
    );
    expect(envOf(container, 'SWITCHYARD_ADMIN_URL')?.value).toBe(
      origins['sy-switchyard-accounting'],
    );
    expect(envOf(container, 'SWITCHYARD_CATALOG_URL')?.value).toBe(
      origins['sy-switchyard-catalog'],
    );
    expect(envOf(container, 'SWITCHYARD_GATEWAY_URL')?.value).toBe(
      origins['sy-switchyard-gateway'],
    );
    expect(envOf(container, 'SWITCHYARD_CONSOLE_SESSION_IDLE_MS')?.value).toBe('28800000');
    expect(envOf(container, 'SWITCHYARD_CONSOLE_SESSION_MAX_AGE_MS')?.value).toBe('86400000');
  });

  it('gets no secret, store or provider key, and no secret checksum', () => {
    for (const name of SECRET_VARIABLES) expect(envOf(container, name), name).toBeUndefined();
    const annotations = deploymentOf(manifests, 'console').spec?.template.metadata?.annotations;
    expect(annotations?.['checksum/secret']).toBeUndefined();
  });

  it('is served at /console on the admin host, with its class and TLS', () => {
    const ingress = findManifest(
      manifests,
      'Ingress',
      'sy-switchyard-console',
    ) as unknown as IIngress;
    expect(ingress.spec?.ingressClassName).toBe('nginx');
    expect(ingress.spec?.tls).toEqual([
      { secretName: 'switchyard-admin-tls', hosts: ['switchyard-admin.example.com'] },
    ]);
    expect(ingress.spec?.rules).toEqual([
      {
        host: 'switchyard-admin.example.com',
        http: {
          paths: [
            {
              path: '/console',
              pathType: 'Prefix',
              backend: { service: { name: 'sy-switchyard-console', port: { name: 'http' } } },
            },
          ],
        },
      },
    ]);
  });

  it('can share the gateway host, with sticky sessions for several replicas', () => {
    const monitored = renderChart({ valuesFiles: ['monitoring'] });
    expect(deploymentOf(monitored, 'console').spec?.replicas).toBe(2);
    const ingress = findManifest(
      monitored,
      'Ingress',
      'sy-switchyard-console',
    ) as unknown as IIngress;
    expect(ingress.spec?.rules?.map((rule) => rule.host)).toEqual(['switchyard.example.com']);
    expect(ingress.metadata?.annotations).toEqual({
      'nginx.ingress.kubernetes.io/proxy-read-timeout': '600',
      'nginx.ingress.kubernetes.io/affinity': 'cookie',
      'nginx.ingress.kubernetes.io/session-cookie-name': 'sy_console_affinity',
    });
    const service = findManifest(
      monitored,
      'Service',
      'sy-switchyard-console',
    ) as unknown as IService;
    expect(service.spec?.sessionAffinity).toBe('ClientIP');
  });

  it('has no Ingress while the Ingress it shares is off, or with host none', () => {
    const names = (valuesFile: string, set: string[] = []) =>
      manifestsOfKind(renderChart({ valuesFiles: [valuesFile], set }), 'Ingress').map(
        (manifest) => manifest.metadata.name,
      );
    expect(names('minimal')).toEqual([]);
    expect(names('ha-autoscaling', ['console.ingress.host=none'])).not.toContain(
      'sy-switchyard-console',
    );
  });

  it('takes explicit API origins, and can be left out', () => {
    const external = consoleContainer(
      ['minimal'],
      [
        'accounting.enabled=false',
        'catalog.enabled=false',
        'console.adminUrl=https://admin.example.com',
        'console.gatewayUrl=https://llm.example.com',
      ],
    );
    expect(envOf(external, 'SWITCHYARD_ADMIN_URL')?.value).toBe('https://admin.example.com');
    expect(envOf(external, 'SWITCHYARD_CATALOG_URL')).toBeUndefined();
    expect(envOf(external, 'SWITCHYARD_GATEWAY_URL')?.value).toBe('https://llm.example.com');
    const without = renderChart({ valuesFiles: ['minimal'], set: ['console.enabled=false'] });
    expect(
      manifestsOfKind(without, 'Deployment').map((manifest) => manifest.metadata.name),
    ).not.toContain('sy-switchyard-console');
  });

  it('refuses to start without an admin API or a gateway to talk to', () => {
    const result = templateChart({
      valuesFiles: ['minimal'],
      set: ['accounting.enabled=false', 'gateway.enabled=false'],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('console.adminUrl is required');
    expect(result.stderr).toContain('console.gatewayUrl is required');
  });

  it('refuses an API origin with a path', () => {
    const result = templateChart({
      valuesFiles: ['minimal'],
      set: ['console.adminUrl=https://admin.example.com/admin/v1'],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('/console/adminUrl');
  });
});
