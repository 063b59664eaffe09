import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root directory (the Docker build context). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The chart under test. */
export const CHART_DIR = resolve(REPO_ROOT, 'deploy/helm/switchyard');

/** The values files of the chart tests. */
export const VALUES_DIR = resolve(REPO_ROOT, 'test/chart/values');

/** A path inside the repository. */
export function repoPath(...segments: string[]): string {
  return resolve(REPO_ROOT, ...segments);
}
