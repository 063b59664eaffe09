import { fileURLToPath } from 'node:url';
import { buildTarget } from './build-target.js';
import { BUILD_TARGETS } from './build-targets.js';

// `pnpm build`: every service (and the migrate CLI) compiled to JavaScript in its `dist/`, which
// the images run with plain `node`. `pnpm build gateway standalone` builds only those.
const root = fileURLToPath(new URL('../../', import.meta.url));
const only = process.argv.slice(2);
const targets = BUILD_TARGETS.filter(
  (target) => only.length === 0 || only.some((name) => target.directory.endsWith(`/${name}`)),
);
if (targets.length === 0) {
  process.stderr.write(`build: no target matches ${only.join(', ')}\n`);
  process.exit(2);
}
const started = performance.now();
await Promise.all(targets.map((target) => buildTarget(root, target)));
const seconds = ((performance.now() - started) / 1_000).toFixed(1);
process.stdout.write(
  `built ${targets.map((target) => `${target.directory}/dist`).join(', ')} in ${seconds} s\n`,
);
