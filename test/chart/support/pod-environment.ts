import type { ISecret } from 'kubernetes-models/v1/Secret';
import { containersOf, deploymentOf, manifestsOfKind } from './find-manifest.js';
import type { Manifest } from './run-helm.js';

/** The value of a key of a Secret the chart does not render (one the platform team manages). */
export type ExternalSecretValue = (secret: string, key: string) => string | undefined;

/**
 * The environment one component's container starts with, as the kubelet builds it from the
 * rendered manifests: plain values as written, each secretKeyRef read from the chart's own Secret
 * (decoded) or, for a Secret the chart does not render, from `external`. An optional reference
 * that resolves to nothing is left unset, as Kubernetes does; a required one throws, since the pod
 * would never start.
 */
export function podEnvironment(
  manifests: readonly Manifest[],
  component: string,
  external: ExternalSecretValue,
): Record<string, string> {
  const secrets = manifestsOfKind(manifests, 'Secret') as unknown as ISecret[];
  const [container] = containersOf(deploymentOf(manifests, component));
  const environment: Record<string, string> = {};
  for (const variable of container?.env ?? []) {
    if (variable.value !== undefined) {
      environment[variable.name] = variable.value;
      continue;
    }
    const reference = variable.valueFrom?.secretKeyRef;
    if (reference === undefined) continue;
    const rendered = secrets.find((secret) => secret.metadata?.name === reference.name);
    const encoded = rendered?.data?.[reference.key];
    const value =
      rendered === undefined
        ? external(reference.name ?? '', reference.key)
        : encoded === undefined
          ? undefined
          : Buffer.from(encoded, 'base64').toString('utf8');
    if (value !== undefined) environment[variable.name] = value;
    else if (reference.optional !== true) {
      throw new Error(
        `${component}: ${variable.name} reads ${reference.name}/${reference.key}, which is missing`,
      );
    }
  }
  return environment;
}
