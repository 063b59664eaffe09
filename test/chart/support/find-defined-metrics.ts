import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from './repo-paths.js';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name === '__fixtures__'
        ? []
        : sourceFiles(path);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The Prometheus metric names the services define, read from the sources of libs/ and services/:
 * every `name: 'switchyard_…'` or `name: 'gen_ai_…'`, and the usage publisher's
 * and spool's `<prefix>_<field>` names expanded with their default prefix.
 */
export function findDefinedMetrics(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourceFiles(repoPath('libs')), ...sourceFiles(repoPath('services'))]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/name:\s*'((?:switchyard|gen_ai)_[a-z0-9_]+)'/g)) {
      if (match[1] !== undefined) names.add(match[1]);
    }
    const prefix = /prefix = '(switchyard_[a-z0-9_]+)'/.exec(text)?.[1];
    if (prefix === undefined) continue;
    if (/name: `\$\{prefix\}_buffered`/.test(text)) names.add(`${prefix}_buffered`);
    if (/name: `\$\{prefix\}_bytes`/.test(text)) names.add(`${prefix}_bytes`);
    if (/name: `\$\{prefix\}_\$\{field\}_total`/.test(text)) {
      for (const field of text.matchAll(/\[\s*'([a-z_]+)',\s*'[^']*',?\s*\]/g)) {
        names.add(`${prefix}_${field[1]}_total`);
      }
    }
  }
  return names;
}
