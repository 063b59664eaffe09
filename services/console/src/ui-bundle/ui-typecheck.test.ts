import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const UI_TSCONFIG = fileURLToPath(new URL('../../ui/tsconfig.json', import.meta.url));

// The UI is browser code (DOM types, JSX), so the repository's Node-only `tsc -p tsconfig.json`
// does not see it; this holds it to the same strict rules.
describe('console UI sources', () => {
  it('type-check under strict TypeScript with the DOM library', async () => {
    const result = await promisify(execFile)(
      process.execPath,
      [TSC, '-p', UI_TSCONFIG, '--noEmit'],
      {
        timeout: 120_000,
      },
    ).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
  }, 120_000);
});
