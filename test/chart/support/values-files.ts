/** The values files that must install (test/chart/values, without `.yaml`). */
export const VALID_VALUES_FILES = [
  'minimal',
  'ha-autoscaling',
  'existing-secret',
  'service-monitor',
  'monitoring',
  'cloud-providers',
] as const;

/** The components that run as Deployments. */
export const COMPONENTS = ['gateway', 'catalog', 'accounting', 'console'] as const;
