import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { Manifest } from './run-helm.js';

/** The manifests of one kind. */
export function manifestsOfKind(manifests: readonly Manifest[], kind: string): Manifest[] {
  return manifests.filter((manifest) => manifest.kind === kind);
}

/** The one manifest of this kind and name; throws when it is missing. */
export function findManifest(manifests: readonly Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find(
    (manifest) => manifest.kind === kind && manifest.metadata.name === name,
  );
  if (found === undefined) {
    const names = manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`);
    throw new Error(`no ${kind}/${name} among ${names.join(', ')}`);
  }
  return found;
}

/** The rendered Deployments, typed. */
export function deploymentsOf(manifests: readonly Manifest[]): IDeployment[] {
  return manifestsOfKind(manifests, 'Deployment') as unknown as IDeployment[];
}

/** The Deployment of one component (release `sy`). */
export function deploymentOf(manifests: readonly Manifest[], component: string): IDeployment {
  return findManifest(
    manifests,
    'Deployment',
    `sy-switchyard-${component}`,
  ) as unknown as IDeployment;
}

/** The containers of a Deployment's pods. */
export function containersOf(deployment: IDeployment): IContainer[] {
  return deployment.spec?.template.spec?.containers ?? [];
}

/** The value or secret reference of one environment variable of a container. */
export function envOf(container: IContainer, name: string) {
  return container.env?.find((variable) => variable.name === name);
}
