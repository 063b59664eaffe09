import { describe, expect, it } from 'vitest';
import { interpolateEnv } from './interpolate-env.js';

const source = '/etc/switchyard.yaml';

describe('interpolateEnv', () => {
  it(`replaces \${VAR} and \${VAR:-default} in nested string values`, () => {
    const result = interpolateEnv(
      {
        a: `http://\${HOST}:\${PORT:-8080}/v1`,
        list: [`\${HOST}`, 3],
        key: Object.fromEntries([[`\${HOST}`, true]]),
      },
      { env: { HOST: 'example.com' }, source },
    );
    expect(result.problems).toEqual([]);
    expect(result.value).toEqual({
      a: 'http://example.com:8080/v1',
      list: ['example.com', 3],
      key: Object.fromEntries([[`\${HOST}`, true]]),
    });
  });

  it('uses the default when the variable is empty, and keeps an empty value otherwise', () => {
    const env = { EMPTY: '' };
    expect(interpolateEnv(`\${EMPTY:-fallback}`, { env, source }).value).toBe('fallback');
    expect(interpolateEnv(`\${EMPTY}`, { env, source }).value).toBe('');
    expect(interpolateEnv(`\${UNSET:-}`, { env, source }).value).toBe('');
  });

  it(`keeps $\${...} as a literal \${...}`, () => {
    expect(interpolateEnv(`pa$\${SS}`, { env: {}, source }).value).toBe(`pa\${SS}`);
  });

  it('reports unset variables, bad references and unclosed braces with their paths', () => {
    const result = interpolateEnv(
      { auth: { master_key: `\${MASTER}` }, list: [`\${not valid}`, `oops \${X`] },
      { env: {}, source },
    );
    expect(result.problems).toEqual([
      { source, path: 'auth.master_key', reason: 'environment variable MASTER is not set' },
      { source, path: 'list[0]', reason: expect.stringContaining('not a valid reference') },
      { source, path: 'list[1]', reason: expect.stringContaining('no closing') },
    ]);
  });
});
