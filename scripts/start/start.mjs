// @ts-check
// `pnpm start`: Switchyard standalone from its compiled bundle (`services/standalone/dist`), as the
// images run it — no TypeScript transpiler in the serving process. The bundle is built first when
// it is missing or older than any source it is made from (a fresh clone, or after an edit), which
// takes a few seconds; otherwise it starts at once. Plain JavaScript so that nothing but node runs.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'services/standalone/dist/main.js');
/** What the bundle is made from: every package's sources, the build itself, the dependencies. */
const SOURCES = ['services', 'libs', 'scripts/build', 'package.json', 'pnpm-lock.yaml'];
const SKIPPED = new Set(['node_modules', 'dist', '.turbo']);

/** @param {string} path @returns {number} the newest modification time under `path`, ms */
function newestUnder(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    newest = Math.max(newest, newestUnder(join(path, entry.name)));
  }
  return newest;
}

const built = statSync(BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = Math.max(...SOURCES.map((source) => newestUnder(join(ROOT, source))));
if (built < sources) {
  process.stderr.write('building the standalone bundle (after a change or on a fresh clone) …\n');
  const build = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build/main.ts', 'standalone'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// As in the images, source maps are off (NODE_OPTIONS=--enable-source-maps turns them on).
await import(pathToFileURL(BUNDLE).href);
