import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { buildUiBundle } from '../../services/console/src/ui-bundle/build-ui-bundle.js';
import {
  PREBUILT_UI_DIRECTORY,
  PREBUILT_UI_FILES,
} from '../../services/console/src/ui-bundle/load-ui-bundle.js';
import type { BuildTarget } from './build-targets.js';

const PGLITE_WORKER = '../../libs/db/src/pglite/pglite-worker.ts';
/** The child process that creates a new PGlite cluster (see initialise-pglite-cluster.ts). */
const PGLITE_INIT = '../../libs/db/src/pglite/pglite-init.ts';
/** The files PGlite reads beside its own module (`new URL('./pglite.wasm', import.meta.url)`). */
const PGLITE_ASSETS = ['pglite.wasm', 'pglite.data', 'initdb.wasm'];
/** Written last into `dist/`: the time the build began, ms (read by scripts/start/start.mjs). */
export const BUILT_STAMP = '.built';

// CommonJS dependencies bundled into ESM still call `require` and read `__dirname`.
const BANNER = [
  "import { createRequire as __syCreateRequire } from 'node:module';",
  "import { dirname as __syDirname } from 'node:path';",
  "import { fileURLToPath as __syFileUrlToPath } from 'node:url';",
  'const require = __syCreateRequire(import.meta.url);',
  'const __filename = __syFileUrlToPath(import.meta.url);',
  'const __dirname = __syDirname(__filename);',
].join('\n');

/**
 * Bundles one target into `<directory>/dist/`: each entry with everything it imports (workspace
 * libraries and npm packages alike), ES modules split so code loaded with `import()` — clients of
 * stores that are not configured — stays out of start-up, with source maps.
 */
export async function buildTarget(root: string, target: BuildTarget): Promise<void> {
  const packageDirectory = join(root, target.directory);
  const outdir = join(packageDirectory, 'dist');
  const startedAt = Date.now();
  await rm(outdir, { recursive: true, force: true });
  const entryPoints: Record<string, string> = {};
  for (const [name, entry] of Object.entries(target.entries)) {
    entryPoints[name] = join(packageDirectory, entry);
  }
  if (target.pglite) {
    entryPoints['pglite-worker'] = join(root, 'scripts/build', PGLITE_WORKER);
    entryPoints['pglite-init'] = join(root, 'scripts/build', PGLITE_INIT);
  }
  await build({
    entryPoints,
    outdir,
    absWorkingDir: packageDirectory,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    sourcemap: true,
    // Not `keepNames`: it wraps every function and class the bundle defines in a `__name(…)` call
    // that runs each time a closure is created — 2–3 % of the gateway's CPU per request. A class
    // may be renamed (`_ApiError`); logs name errors by their `name` (telemetry's createLogger).
    keepNames: false,
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: BANNER },
    // esbuild: the console's development fallback only; pg-native: an optional `pg` binding.
    external: ['esbuild', 'pg-native'],
  });
  if (target.pglite) await copyPgliteAssets(root, outdir);
  if (target.consoleUi) await writeConsoleUi(outdir);
  if (target.tokenizer)
    await bundleTokenizer(resolveFrom(root, 'services/gateway', 'gpt-tokenizer'), outdir);
  // Last, so only a whole build has it: when it began (`pnpm start` rebuilds when a source is newer).
  await writeFile(join(outdir, BUILT_STAMP), String(startedAt));
}

/** Where `specifier` resolves for the workspace package that depends on it. */
function resolveFrom(root: string, packageDirectory: string, specifier: string): string {
  return createRequire(join(root, packageDirectory, 'package.json')).resolve(specifier);
}

async function copyPgliteAssets(root: string, outdir: string): Promise<void> {
  const pgliteDist = dirname(resolveFrom(root, 'libs/db', '@electric-sql/pglite'));
  await Promise.all(
    PGLITE_ASSETS.map((file) => copyFile(join(pgliteDist, file), join(outdir, file))),
  );
}

async function writeConsoleUi(outdir: string): Promise<void> {
  const ui = await buildUiBundle();
  const directory = join(outdir, PREBUILT_UI_DIRECTORY);
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, PREBUILT_UI_FILES.js), ui.js);
  await writeFile(join(directory, PREBUILT_UI_FILES.css), ui.css);
}

/** gpt-tokenizer as one CommonJS file, `require`d on the first count (`count-tokens.ts`). */
async function bundleTokenizer(entry: string, outdir: string): Promise<void> {
  const directory = join(outdir, 'node_modules', 'gpt-tokenizer');
  await build({
    entryPoints: [entry],
    outfile: join(directory, 'index.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
  });
  await writeFile(
    join(directory, 'package.json'),
    `${JSON.stringify({ name: 'gpt-tokenizer', private: true, main: 'index.cjs' })}\n`,
  );
}
