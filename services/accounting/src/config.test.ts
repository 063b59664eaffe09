import { ConfigError } from '@switchyard/config';
import { describe, expect, it } from 'vitest';
import { loadAccountingConfig } from './config.js';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  SWITCHYARD_KEY_PEPPER: 'a-pepper-of-16-chars',
  SWITCHYARD_MASTER_KEY: 'sk-master',
};

describe('loadAccountingConfig', () => {
  it('reads the environment, with port 8002 by default, and freezes the result', () => {
    const config = loadAccountingConfig(valid);
    expect(config).toMatchObject({
      databaseUrl: valid.DATABASE_URL,
      pepper: valid.SWITCHYARD_KEY_PEPPER,
      masterKey: 'sk-master',
      port: 8002,
      logLevel: 'info',
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(loadAccountingConfig({ ...valid, PORT: '9100' }).port).toBe(9100);
  });

  it('names every problem at once', () => {
    let caught: unknown;
    try {
      loadAccountingConfig({ SWITCHYARD_KEY_PEPPER: 'short', PORT: 'eighty' });
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const paths = (caught as ConfigError).problems.map((problem) => problem.path).sort();
    expect(paths).toEqual([
      'DATABASE_URL',
      'PORT',
      'SWITCHYARD_KEY_PEPPER',
      'SWITCHYARD_MASTER_KEY',
    ]);
    expect((caught as ConfigError).message).toContain('DATABASE_URL: is required');
  });
});
