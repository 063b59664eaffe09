import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SERVING_V8_FLAGS } from './apply-serving-v8-flags.js';

/**
 * A process that keeps most objects of one allocation site alive long enough for V8 to decide to
 * pretenure them, V8 tracing its decisions; it first sets `flags` as `applyServingV8Flags` does.
 */
async function pretenuringDecisions(flags: readonly string[]): Promise<string[]> {
  const script = `
    import { setFlagsFromString } from 'node:v8';
    for (const flag of ${JSON.stringify(flags)}) setFlagsFromString(flag);
    const kept = [];
    function make(index) { return { index, pair: [index, index] }; }
    for (let index = 0; index < 3_000_000; index += 1) {
      kept.push(make(index));
      if (kept.length > 200_000) kept.length = 0;
    }`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--trace-pretenuring-statistics', '--input-type=module', '-e', script],
    { maxBuffer: 16 * 1024 * 1024, timeout: 60_000 },
  );
  return stdout.split('\n').filter((line) => line.includes('=> tenure'));
}

describe('SERVING_V8_FLAGS', () => {
  it('keep V8 from pretenuring an allocation site, which it otherwise does', async () => {
    expect((await pretenuringDecisions([])).length).toBeGreaterThan(0);
    expect(await pretenuringDecisions(SERVING_V8_FLAGS)).toEqual([]);
  }, 120_000);
});
