import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { Manifest } from './run-helm.js';

interface Validatable {
  validate(): void;
}

function model(Model: new (data: never) => Validatable) {
  return (data: Manifest): Validatable => new Model(data as never);
}

// Every kind the chart renders, by apiVersion/kind: the Kubernetes OpenAPI schemas (and the
// prometheus-operator CRDs' for ServiceMonitor and PrometheusRule). A kind missing here fails the
// test, so a new template cannot go unvalidated.
const MODELS: Readonly<Record<string, (data: Manifest) => Validatable>> = {
  'v1/ConfigMap': model(ConfigMap),
  'v1/Secret': model(Secret),
  'v1/Service': model(Service),
  'v1/ServiceAccount': model(ServiceAccount),
  'apps/v1/Deployment': model(Deployment),
  'autoscaling/v2/HorizontalPodAutoscaler': model(HorizontalPodAutoscaler),
  'batch/v1/Job': model(Job),
  'networking.k8s.io/v1/Ingress': model(Ingress),
  'policy/v1/PodDisruptionBudget': model(PodDisruptionBudget),
  'monitoring.coreos.com/v1/ServiceMonitor': model(ServiceMonitor),
  'monitoring.coreos.com/v1/PrometheusRule': model(PrometheusRule),
};

/** Why a manifest breaks its Kubernetes schema, or `undefined` when it is valid. */
export function findSchemaProblem(manifest: Manifest): string | undefined {
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  const build = MODELS[key];
  if (build === undefined) return `${key} has no schema in validate-manifest.ts`;
  try {
    build(manifest).validate();
    return undefined;
  } catch (error: unknown) {
    return `${key} ${manifest.metadata.name}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
