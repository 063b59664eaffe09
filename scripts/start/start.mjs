// @ts-check
// `pnpm start`: Switchyard standalone from its compiled bundle (`services/standalone/dist`), as the
// images run it — no TypeScript transpiler in the serving process. The bundle is built first when
// it is missing, was cut short, or began before the newest change to what it is made from (a
// fresh clone, an edit, an install), which takes a few seconds; otherwise it starts at once.
// Plain JavaScript so that nothing but node runs.
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'services/standalone/dist');
/** What the bundle is made from: every package's sources, the build, the installed dependencies. */
const SOURCES = [
  'services',
  'libs',
  'scripts/build',
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'tsconfig.json',
  'tsconfig.base.json',
  // pnpm rewrites it on every install.
  'node_modules/.modules.yaml',
];
const SKIPPED = new Set(['node_modules', 'dist', '.switchyard', 'coverage', 'test-results']);

/** @param {string} path @returns {number} the newest modification time of a file under `path`, ms */
function newestUnder(path) {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    newest = Math.max(newest, newestUnder(join(path, entry.name)));
  }
  return newest;
}

/** @returns {number} when the whole build in `dist/` began, ms; 0 when there is none */
function builtAt() {
  try {
    return Number(readFileSync(join(DIST, '.built'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

const sources = Math.max(...SOURCES.map((source) => newestUnder(join(ROOT, source))));
if (builtAt() < sources) {
  process.stderr.write('building the standalone bundle (after a change or on a fresh clone) …\n');
  const build = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build/main.ts', 'standalone'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// As in the images, source maps are off (NODE_OPTIONS=--enable-source-maps turns them on).
await import(pathToFileURL(join(DIST, 'main.js')).href);
