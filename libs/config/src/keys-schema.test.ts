import { describe, expect, it } from 'vitest';
import { friendlyErrorMap } from './friendly-error-map.js';
import { keysSchema } from './keys-schema.js';
import { zodIssuesToProblems } from './zod-issues-to-problems.js';

const NO_LIMITS = { rpm: undefined, tpm: undefined, dailyRequests: undefined };

function problems(value: unknown): string[] {
  const parsed = keysSchema.safeParse(value, { error: friendlyErrorMap });
  const issues = parsed.success ? [] : parsed.error.issues;
  return zodIssuesToProblems(issues, 'test').map(({ path, reason }) => `${path}: ${reason}`);
}

describe('keysSchema', () => {
  it('reads a comma-separated string, dropping blanks', () => {
    expect(keysSchema.parse(' a, b,,c ')).toEqual([
      { key: 'a', ...NO_LIMITS },
      { key: 'b', ...NO_LIMITS },
      { key: 'c', ...NO_LIMITS },
    ]);
    expect(keysSchema.parse('')).toEqual([]);
  });

  it('keeps a JSON credential (commas and all) as one key', () => {
    const principal = '{"tenant_id":"t","client_id":"c","client_secret":"s"}';
    expect(keysSchema.parse(principal)).toEqual([{ key: principal, ...NO_LIMITS }]);
    expect(keysSchema.parse([` ${principal}`, 'a,b'])).toEqual([
      { key: principal, ...NO_LIMITS },
      { key: 'a', ...NO_LIMITS },
      { key: 'b', ...NO_LIMITS },
    ]);
  });

  it('mixes plain keys and keys with limits in one list', () => {
    expect(
      keysSchema.parse([
        'a,b',
        { key: ' c ', rpm: 60, tpm: '100000', daily_requests: 1000 },
        { key: 'd', rpm: 5 },
        { key: '' },
      ]),
    ).toEqual([
      { key: 'a', ...NO_LIMITS },
      { key: 'b', ...NO_LIMITS },
      { key: 'c', rpm: 60, tpm: 100_000, dailyRequests: 1000 },
      { key: 'd', rpm: 5, tpm: undefined, dailyRequests: undefined },
    ]);
  });

  it('locates what is wrong inside an entry', () => {
    expect(problems(['a', { key: 'b', rpm: 0, tpm: 1.5, burst: 3 }, { rpm: 5 }, 42])).toEqual([
      '[1].rpm: must be at least 1',
      '[1].tpm: expected an integer',
      '[1].burst: unknown key',
      '[2].key: required',
      '[3]: expected a key, or a mapping { key, rpm, tpm, daily_requests }',
    ]);
    expect(problems({ key: 'a' })).toEqual([
      '(root): expected a list of keys or a comma-separated string',
    ]);
  });
});
