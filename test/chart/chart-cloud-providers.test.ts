import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { describe, expect, it } from 'vitest';
import {
  containersOf,
  deploymentOf,
  deploymentsOf,
  envOf,
  findManifest,
  manifestsOfKind,
} from './support/find-manifest.js';
import { loadRenderedConfig } from './support/load-rendered-config.js';
import { podEnvironment } from './support/pod-environment.js';
import { renderChart, templateChart } from './support/run-helm.js';

/** The Secrets test/chart/values/cloud-providers.yaml names but the chart does not render. */
const EXTERNAL_SECRETS: Record<string, Record<string, string>> = {
  'azure-entra': { 'client-secret': 'Qx8~entra.client_secret-0001' },
  'vertex-service-account': {
    'key.json': JSON.stringify({
      type: 'service_account',
      client_email: 'switchyard@acme-eu.iam.gserviceaccount.com',
      private_key: '-----BEGIN PRIVATE KEY-----\nMIIE-test-only\n-----END PRIVATE KEY-----\n',
      private_key_id: 'test-key-id-0001',
    }),
  },
};
const external = (secret: string, key: string) => EXTERNAL_SECRETS[secret]?.[key];

const manifests = renderChart({ valuesFiles: ['cloud-providers'] });

describe('bedrock, vertex and azure providers through the chart', () => {
  it.each(['gateway', 'catalog'])(
    'are loaded by the %s as configured, their keys from its Secrets',
    (component) => {
      const config = loadRenderedConfig(manifests, podEnvironment(manifests, component, external));
      const byName = new Map(config.providers.map((provider) => [provider.name, provider]));

      expect(byName.get('bedrock')).toMatchObject({
        type: 'bedrock',
        baseUrl: 'https://bedrock-runtime.us-east-1.amazonaws.com',
        credentials: [],
        serveListedModels: true,
      });
      expect(byName.get('bedrock')?.region).toBeUndefined();
      expect(byName.get('bedrock-eu')).toMatchObject({
        type: 'bedrock',
        region: 'eu-west-1',
        credentials: [{ key: 'AKIATESTBEDROCK0001:test/bedrock+secret-access-key-0001' }],
      });
      expect(byName.get('bedrock-eu')?.serveListedModels).toBeUndefined();

      expect(byName.get('vertex')).toMatchObject({
        type: 'vertex',
        baseUrl:
          'https://us-east5-aiplatform.googleapis.com/v1/projects/acme-prod/locations/us-east5',
        credentials: [],
        serveListedModels: true,
      });
      // The service-account JSON is one key, never split at its commas.
      const vertexKeys = byName.get('vertex-eu')?.credentials.map((credential) => credential.key);
      expect(vertexKeys).toEqual([EXTERNAL_SECRETS['vertex-service-account']?.['key.json']]);

      expect(byName.get('azure')).toMatchObject({
        type: 'azure',
        baseUrl: 'https://acme.openai.azure.com?api-version=2024-10-21',
        credentials: [{ key: 'test-azure-api-key-0001' }],
      });
      const [entra] = byName.get('azure-entra')?.credentials ?? [];
      expect(entra?.rpm).toBe(600);
      expect(JSON.parse(entra?.key ?? '')).toEqual({
        tenant_id: '00000000-0000-0000-0000-000000000001',
        client_id: '00000000-0000-0000-0000-000000000002',
        client_secret: 'Qx8~entra.client_secret-0001',
      });

      const routes = config.models.find((model) => model.id === 'claude/sonnet-4-5')?.routes;
      expect(routes?.map((route) => route.provider)).toEqual(['bedrock-eu', 'vertex-eu']);
    },
  );

  it('writes no secret value into any ConfigMap', () => {
    const rendered = (manifestsOfKind(manifests, 'Secret') as unknown as ISecret[]).flatMap(
      (secret) =>
        Object.values(secret.data ?? {}).map((value) => Buffer.from(value, 'base64').toString()),
    );
    const secrets = [
      ...rendered,
      ...Object.values(EXTERNAL_SECRETS).flatMap((keys) => Object.values(keys)),
    ];
    // The check is not empty: the AWS key pair is among the rendered secrets.
    expect(secrets).toEqual(
      expect.arrayContaining(['AKIATESTBEDROCK0001', 'test/bedrock+secret-access-key-0001']),
    );
    const configMaps = manifestsOfKind(manifests, 'ConfigMap').map((configMap) =>
      JSON.stringify(configMap),
    );
    for (const secret of secrets) {
      for (const text of configMaps) expect(text.includes(secret)).toBe(false);
    }
  });

  it('passes provider secrets by secretKeyRef to the gateway and the catalog only', () => {
    for (const component of ['gateway', 'catalog']) {
      const [container] = containersOf(deploymentOf(manifests, component));
      if (container === undefined) throw new Error(`no ${component} container`);
      expect(envOf(container, 'BEDROCK_SECRET_ACCESS_KEY')?.valueFrom?.secretKeyRef).toEqual({
        name: 'sy-switchyard',
        key: 'BEDROCK_SECRET_ACCESS_KEY',
      });
      expect(envOf(container, 'AZURE_CLIENT_SECRET')?.valueFrom?.secretKeyRef).toEqual({
        name: 'azure-entra',
        key: 'client-secret',
      });
      expect(envOf(container, 'VERTEX_SERVICE_ACCOUNT_JSON')?.valueFrom?.secretKeyRef).toEqual({
        name: 'vertex-service-account',
        key: 'key.json',
      });
    }
    for (const component of ['accounting', 'console']) {
      const names = containersOf(deploymentOf(manifests, component)).flatMap((container) =>
        (container.env ?? []).map((variable) => variable.name),
      );
      expect(names).not.toContain('AZURE_CLIENT_SECRET');
      expect(names).not.toContain('BEDROCK_SECRET_ACCESS_KEY');
      expect(names).not.toContain('GOOGLE_APPLICATION_CREDENTIALS');
    }
  });

  it.each(['gateway', 'catalog'])(
    'mounts the Google key where GOOGLE_APPLICATION_CREDENTIALS points in the %s',
    (component) => {
      const deployment = deploymentOf(manifests, component);
      const [container] = containersOf(deployment);
      const path = envOf(container ?? { name: '' }, 'GOOGLE_APPLICATION_CREDENTIALS')?.value ?? '';
      const mount = container?.volumeMounts?.find((candidate) =>
        path.startsWith(`${candidate.mountPath}/`),
      );
      expect(mount?.readOnly).toBe(true);
      const volume = deployment.spec?.template.spec?.volumes?.find(
        (candidate) => candidate.name === mount?.name,
      );
      expect(volume?.secret).toEqual({
        secretName: 'google-adc',
        items: [{ key: 'adc.json', path: path.slice((mount?.mountPath.length ?? 0) + 1) }],
      });
    },
  );

  it('gives keyless providers the cloud identity of the annotated ServiceAccount', () => {
    const account = findManifest(manifests, 'ServiceAccount', 'sy-switchyard') as IServiceAccount;
    expect(account.metadata?.annotations).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/switchyard',
      'iam.gke.io/gcp-service-account': 'switchyard@acme-prod.iam.gserviceaccount.com',
    });
    for (const deployment of deploymentsOf(manifests)) {
      expect(deployment.spec?.template.spec?.serviceAccountName).toBe('sy-switchyard');
      const names = containersOf(deployment).flatMap((container) =>
        (container.env ?? []).map((variable) => variable.name),
      );
      // Nothing shadows the web identity the IRSA webhook injects.
      expect(names.filter((name) => name.startsWith('AWS_'))).toEqual([]);
    }
  });
});

describe('cloud provider values the chart refuses', () => {
  it('refuses a key written into config, which would land in the ConfigMap', () => {
    const result = templateChart({
      valuesFiles: ['cloud-providers'],
      set: ['config.providers[0].keys[0].key=AKIALITERAL:literal-secret'],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'config.providers[0] (bedrock): a key written in config lands in a ConfigMap',
    );
  });

  it('refuses a variable named both as a provider key and a providerKeyRef', () => {
    const result = templateChart({
      valuesFiles: ['cloud-providers'],
      set: [
        'secrets.providerKeyRefs.AZURE_OPENAI_API_KEY.secret=azure',
        'secrets.providerKeyRefs.AZURE_OPENAI_API_KEY.key=api-key',
      ],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'secrets.providerKeyRefs.AZURE_OPENAI_API_KEY is also a provider key',
    );
  });

  it('refuses an unknown provider type and a malformed region by the values schema', () => {
    const result = templateChart({
      valuesFiles: ['cloud-providers'],
      set: ['config.providers[0].type=bedrock-classic', 'config.providers[1].region=Ireland'],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('/config/providers/0/type');
    expect(result.stderr).toContain('/config/providers/1/region');
  });
});
