import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../ui/main.tsx', import.meta.url));

/** The UI's script and stylesheet, as `pnpm build` writes them and the dev server serves them. */
export interface UiSources {
  js: string;
  css: string;
}

/**
 * Bundles and minifies `ui/main.tsx` (Preact, CSS included) with esbuild, in memory: at build
 * time (`pnpm build`), or when the console runs from its TypeScript sources. esbuild is loaded
 * only then, so compiled output runs without it.
 */
export async function buildUiBundle(): Promise<UiSources> {
  const { build } = await import('esbuild');
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
  return {
    js: result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '',
    css: result.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '',
  };
}
