import { execFile, spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { findHelm } from './find-helm.js';
import { CHART_DIR, VALUES_DIR } from './repo-paths.js';

/** What one helm command printed and how it ended. */
export interface HelmResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options of a lint or template run: values files of test/chart/values and `--set` pairs. */
export interface HelmValues {
  /** Names in test/chart/values, without `.yaml`. */
  valuesFiles?: readonly string[];
  /** `--set` assignments, e.g. `config.log_level=debug`. */
  set?: readonly string[];
  /** `--set-string` assignments. */
  setString?: readonly string[];
}

/** A rendered Kubernetes object. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  [field: string]: unknown;
}

function valueArguments({ valuesFiles = [], set = [], setString = [] }: HelmValues): string[] {
  return [
    ...valuesFiles.flatMap((name) => ['--values', `${VALUES_DIR}/${name}.yaml`]),
    ...set.flatMap((assignment) => ['--set', assignment]),
    ...setString.flatMap((assignment) => ['--set-string', assignment]),
  ];
}

/** Runs helm with the given arguments. */
export function runHelm(args: readonly string[]): HelmResult {
  const result = spawnSync(findHelm(), args, { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `helm lint --strict` of the chart with these values. */
export function lintChart(values: HelmValues): HelmResult {
  return runHelm(['lint', '--strict', CHART_DIR, ...valueArguments(values)]);
}

/**
 * `helm template` of the chart as release `sy` in namespace `switchyard`; `kubeVersion` sets the
 * Kubernetes version the chart is rendered for (helm's default otherwise).
 */
export function templateChart(values: HelmValues, kubeVersion?: string): HelmResult {
  const version = kubeVersion === undefined ? [] : ['--kube-version', kubeVersion];
  return runHelm([
    'template',
    'sy',
    CHART_DIR,
    '--namespace',
    'switchyard',
    ...valueArguments(values),
    ...version,
  ]);
}

/**
 * `helm template --dry-run=server` against the cluster of `kubeconfig` (a fake API server of the
 * test), so the chart's `lookup` calls see that cluster's objects. Asynchronous: the fake server
 * answers from this process.
 */
export function templateChartInCluster(
  values: HelmValues,
  kubeconfig: string,
): Promise<HelmResult> {
  const args = [
    'template',
    'sy',
    CHART_DIR,
    '--namespace',
    'switchyard',
    ...valueArguments(values),
  ];
  args.push('--dry-run=server', '--disable-openapi-validation');
  return new Promise((resolve) => {
    execFile(
      findHelm(),
      args,
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, KUBECONFIG: kubeconfig } },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

/** The rendered manifests; throws with helm's error when rendering fails. */
export function renderChart(values: HelmValues): Manifest[] {
  return manifestsOf(templateChart(values));
}

/** The manifests helm printed; throws with helm's error when rendering failed. */
export function manifestsOf(result: HelmResult): Manifest[] {
  if (result.status !== 0) {
    throw new Error(`helm template failed (${result.status}):\n${result.stderr}`);
  }
  return parseAllDocuments(result.stdout)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(document.errors.join('\n'));
      return document.toJS() as unknown;
    })
    .filter(isManifest);
}

function isManifest(value: unknown): value is Manifest {
  return typeof value === 'object' && value !== null && 'kind' in value && 'apiVersion' in value;
}
