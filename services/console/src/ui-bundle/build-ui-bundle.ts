import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { UiBundle } from './ui-bundle.js';

const ENTRY = fileURLToPath(new URL('../../ui/main.tsx', import.meta.url));

/** Bundles and minifies `ui/main.tsx` (Preact, CSS included) with esbuild, in memory. */
export async function buildUiBundle(): Promise<UiBundle> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: '/console-ui',
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '';
  const hash = createHash('sha256').update(js).update(css).digest('hex').slice(0, 12);
  return {
    js,
    css,
    hash,
    jsGzip: gzipSync(js, { level: 9 }),
    cssGzip: gzipSync(css, { level: 9 }),
  };
}

let cached: Promise<UiBundle> | undefined;

/** The UI bundle, built once per process and shared; a failed build is retried next time. */
export function loadUiBundle(): Promise<UiBundle> {
  if (cached === undefined) {
    const building = buildUiBundle();
    cached = building;
    building.catch(() => {
      if (cached === building) cached = undefined;
    });
  }
  return cached;
}
