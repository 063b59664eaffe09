import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { buildUiBundle, type UiSources } from './build-ui-bundle.js';
import type { UiBundle } from './ui-bundle.js';

/** Where `pnpm build` writes the UI: `ui/` beside the compiled service (`dist/ui/`). */
export const PREBUILT_UI_DIRECTORY = 'ui';
export const PREBUILT_UI_FILES = { js: 'app.js', css: 'app.css' } as const;

const gzipAsync = promisify(gzip);

let cached: Promise<UiBundle> | undefined;

/**
 * The UI bundle, loaded once per process and shared: the one `pnpm build` wrote beside the
 * compiled code, else (running from the sources) bundled now. A failed load is retried next time.
 */
export function loadUiBundle(): Promise<UiBundle> {
  if (cached === undefined) {
    const loading = (readPrebuilt() ?? buildUiBundle()).then(toUiBundle);
    cached = loading;
    loading.catch(() => {
      if (cached === loading) cached = undefined;
    });
  }
  return cached;
}

/** The prebuilt files when this code is the compiled bundle (never beside the sources). */
function readPrebuilt(): Promise<UiSources> | undefined {
  if (import.meta.url.endsWith('.ts')) return undefined;
  const directory = new URL(`./${PREBUILT_UI_DIRECTORY}/`, import.meta.url);
  return Promise.all([
    readFile(new URL(PREBUILT_UI_FILES.js, directory), 'utf8'),
    readFile(new URL(PREBUILT_UI_FILES.css, directory), 'utf8'),
  ]).then(([js, css]) => ({ js, css }));
}

/** Compressed off the event loop (libuv's pool): at level 9 it blocked it 10–15 ms at start. */
async function toUiBundle({ js, css }: UiSources): Promise<UiBundle> {
  const hash = createHash('sha256').update(js).update(css).digest('hex').slice(0, 12);
  const [jsGzip, cssGzip] = await Promise.all([
    gzipAsync(js, { level: 9 }),
    gzipAsync(css, { level: 9 }),
  ]);
  return { js, css, hash, jsGzip, cssGzip };
}
