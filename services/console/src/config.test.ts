import { ConfigError } from '@switchyard/config';
import { describe, expect, it } from 'vitest';
import { loadConsoleConfig } from './config.js';

const valid = {
  SWITCHYARD_ADMIN_URL: 'http://accounting:8002/',
  SWITCHYARD_GATEWAY_URL: 'http://gateway:8000',
};

describe('loadConsoleConfig', () => {
  it('reads the environment, with the catalog at the admin URL by default, frozen', () => {
    const config = loadConsoleConfig(valid);
    expect(config).toMatchObject({
      adminUrl: 'http://accounting:8002',
      catalogUrl: 'http://accounting:8002',
      gatewayUrl: 'http://gateway:8000',
      sessionIdleMs: 8 * 3_600_000,
      port: 8003,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(
      loadConsoleConfig({ ...valid, SWITCHYARD_CATALOG_URL: 'http://catalog:8001' }).catalogUrl,
    ).toBe('http://catalog:8001');
  });

  it('names every missing or malformed variable at once', () => {
    let thrown: unknown;
    try {
      loadConsoleConfig({ SWITCHYARD_GATEWAY_URL: 'ftp://x', PORT: 'eighty' });
    } catch (error: unknown) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const paths = (thrown as ConfigError).problems.map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining(['SWITCHYARD_ADMIN_URL', 'SWITCHYARD_GATEWAY_URL', 'PORT']),
    );
  });
});
