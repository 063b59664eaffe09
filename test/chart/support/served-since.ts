/**
 * The first Kubernetes minor version (1.x) that serves each built-in apiVersion/kind the chart
 * renders at that apiVersion, from the Kubernetes deprecation guide and release notes. Custom
 * resources (prometheus-operator) depend on their CRDs, not on the Kubernetes version: absent here.
 */
export const SERVED_SINCE: Readonly<Record<string, number>> = {
  'v1/ConfigMap': 2,
  'v1/Secret': 0,
  'v1/Service': 0,
  'v1/ServiceAccount': 0,
  'apps/v1/Deployment': 9,
  'autoscaling/v2/HorizontalPodAutoscaler': 23,
  'batch/v1/Job': 2,
  'networking.k8s.io/v1/Ingress': 19,
  'policy/v1/PodDisruptionBudget': 21,
};

/** Custom resources the chart renders, whose schemas come from their CRDs. */
export const CUSTOM_RESOURCES: readonly string[] = [
  'monitoring.coreos.com/v1/ServiceMonitor',
  'monitoring.coreos.com/v1/PrometheusRule',
];
