import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One kind the API server knows: enough discovery for helm to map the chart's objects. */
interface ApiKind {
  groupVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

// Every kind the chart renders (the kinds of validate-manifest.ts), plus Namespace for lookups.
const KINDS: readonly ApiKind[] = [
  { groupVersion: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false },
  { groupVersion: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true },
  { groupVersion: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  { groupVersion: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  { groupVersion: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true },
  { groupVersion: 'apps/v1', kind: 'Deployment', plural: 'deployments', namespaced: true },
  {
    groupVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    namespaced: true,
  },
  { groupVersion: 'batch/v1', kind: 'Job', plural: 'jobs', namespaced: true },
  { groupVersion: 'networking.k8s.io/v1', kind: 'Ingress', plural: 'ingresses', namespaced: true },
  {
    groupVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    namespaced: true,
  },
  {
    groupVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    plural: 'servicemonitors',
    namespaced: true,
  },
  {
    groupVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    plural: 'prometheusrules',
    namespaced: true,
  },
];

/** An object that exists in the fake cluster. */
export interface ClusterObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** A read-only Kubernetes API server holding given objects, and a kubeconfig that points at it. */
export interface FakeKubeApi {
  kubeconfig: string;
  close(): Promise<void>;
}

const NOT_FOUND = {
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  reason: 'NotFound',
  code: 404,
};

function groupsOf(kinds: readonly ApiKind[]): string[] {
  return [...new Set(kinds.map((kind) => kind.groupVersion).filter((gv) => gv.includes('/')))];
}

function objectPath(object: ClusterObject): string {
  const kind = KINDS.find((k) => k.kind === object.kind && k.groupVersion === object.apiVersion);
  if (kind === undefined)
    throw new Error(`the fake API does not serve ${object.apiVersion}/${object.kind}`);
  const prefix = kind.groupVersion === 'v1' ? '/api/v1' : `/apis/${kind.groupVersion}`;
  const scope = kind.namespaced ? `/namespaces/${object.metadata.namespace ?? 'default'}` : '';
  return `${prefix}${scope}/${kind.plural}/${object.metadata.name}`;
}

interface Reply {
  status: number;
  body: unknown;
}

function discovery(path: string): unknown {
  if (path === '/version') {
    return { major: '1', minor: '30', gitVersion: 'v1.30.0', platform: 'linux/amd64' };
  }
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'] };
  if (path === '/apis') {
    const groups = groupsOf(KINDS).map((groupVersion) => {
      const [name, version] = groupVersion.split('/');
      const preferred = { groupVersion, version };
      return { name, versions: [preferred], preferredVersion: preferred };
    });
    return { kind: 'APIGroupList', apiVersion: 'v1', groups };
  }
  const list = path === '/api/v1' ? 'v1' : path.startsWith('/apis/') ? path.slice(6) : undefined;
  const resources = KINDS.filter((kind) => kind.groupVersion === list);
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    groupVersion: list,
    resources: resources.map((kind) => ({
      name: kind.plural,
      singularName: kind.kind.toLowerCase(),
      namespaced: kind.namespaced,
      kind: kind.kind,
      verbs: ['get', 'list'],
    })),
  };
}

function answer(request: IncomingMessage, objects: Map<string, ClusterObject>): Reply {
  if (request.method !== 'GET') return { status: 405, body: NOT_FOUND };
  const path = new URL(request.url ?? '/', 'http://kube').pathname;
  const found = discovery(path) ?? objects.get(path);
  return found === undefined ? { status: 404, body: NOT_FOUND } : { status: 200, body: found };
}

/**
 * Starts a fake Kubernetes API server (discovery for the chart's kinds, GET of the given objects
 * and of the namespaces `default`, `kube-system` and the listed ones), so `helm template
 * --dry-run=server` runs the chart's `lookup` calls against a cluster whose state the test sets.
 */
export async function startFakeKubeApi(
  objects: readonly ClusterObject[],
  namespaces: readonly string[] = [],
): Promise<FakeKubeApi> {
  const byPath = new Map<string, ClusterObject>();
  for (const name of ['default', 'kube-system', ...namespaces]) {
    const namespace: ClusterObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
    byPath.set(objectPath(namespace), namespace);
  }
  for (const object of objects) byPath.set(objectPath(object), object);
  const server = createServer((request, response) => {
    const { status, body } = answer(request, byPath);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'sy-kube-')), 'config');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{name: fake, cluster: {server: "http://127.0.0.1:${port}"}}]`,
      'users: [{name: tester, user: {token: fake}}]',
      'contexts: [{name: fake, context: {cluster: fake, user: tester}}]',
      'current-context: fake',
      '',
    ].join('\n'),
  );
  return {
    kubeconfig,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
