import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The standalone never uses Redis, so it must not load BullMQ or ioredis (~10 MB of its idle
// RSS, ~100 ms of its start): they are `import()`ed only where Redis is configured. Checked on
// the graph esbuild bundles, the one `pnpm build` ships.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = 'services/standalone/src/main.ts';
const REDIS_CLIENTS = /node_modules\/(bullmq|ioredis)\//;

/** Every input `entry` reaches through the import kinds given. */
function reached(metafile: Metafile, entry: string, kinds: ReadonlySet<string>): Set<string> {
  const seen = new Set([entry]);
  const pending = [entry];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    for (const imported of metafile.inputs[path]?.imports ?? []) {
      if (imported.external || !kinds.has(imported.kind) || seen.has(imported.path)) continue;
      seen.add(imported.path);
      pending.push(imported.path);
    }
  }
  return seen;
}

describe("the standalone's module graph", () => {
  it('loads neither BullMQ nor ioredis at start; only dynamic imports reach them', async () => {
    const { metafile } = await build({
      entryPoints: [ENTRY],
      absWorkingDir: REPO_ROOT,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      outdir: 'unused',
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['esbuild', 'pg-native'],
    });
    const atStart = reached(metafile, ENTRY, new Set(['import-statement', 'require-call']));
    const all = reached(
      metafile,
      ENTRY,
      new Set(['import-statement', 'require-call', 'dynamic-import']),
    );
    expect([...all].filter((path) => REDIS_CLIENTS.test(path)).length).toBeGreaterThan(0);
    expect([...atStart].filter((path) => REDIS_CLIENTS.test(path))).toEqual([]);
  }, 120_000);
});
