import { randomBytes } from 'node:crypto';
import { ConfigError } from '@switchyard/config';
import { describe, expect, it } from 'vitest';
import { loadCatalogConfig, loadCatalogSyncConfig } from './config.js';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  REDIS_URL: 'redis://127.0.0.1:6379',
  NATS_URL: 'nats://127.0.0.1:4222',
  SWITCHYARD_MASTER_KEY: 'sk-master',
  SWITCHYARD_KEY_PEPPER: 'a-pepper-of-16-chars',
  SWITCHYARD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};

describe('loadCatalogConfig', () => {
  it('reads the environment with defaults, and switches the OpenRouter source off', () => {
    const config = loadCatalogConfig(valid);
    expect(config).toMatchObject({
      port: 8003,
      syncIntervalMs: 3_600_000,
      openRouterCatalogUrl: 'https://openrouter.ai/api/v1/models',
      previousEncryptionKeys: [],
    });
    expect(Object.isFrozen(config)).toBe(true);
    const custom = loadCatalogConfig({
      ...valid,
      SWITCHYARD_CATALOG_SYNC_INTERVAL_MS: '60000',
      SWITCHYARD_CATALOG_OPENROUTER_URL: 'off',
    });
    expect(custom.syncIntervalMs).toBe(60_000);
    expect(custom.openRouterCatalogUrl).toBeUndefined();
  });

  it('keeps audit rows 365 days unless SWITCHYARD_AUDIT_RETENTION_DAYS says (0: forever)', () => {
    expect(loadCatalogConfig(valid).auditRetentionDays).toBe(365);
    expect(
      loadCatalogConfig({ ...valid, SWITCHYARD_AUDIT_RETENTION_DAYS: '0' }).auditRetentionDays,
    ).toBe(0);
    expect(loadCatalogSyncConfig({ SWITCHYARD_AUDIT_RETENTION_DAYS: '30' })).toMatchObject({
      auditRetentionDays: 30,
    });
    expect(() => loadCatalogSyncConfig({ SWITCHYARD_AUDIT_RETENTION_DAYS: '-1' })).toThrow(
      /SWITCHYARD_AUDIT_RETENTION_DAYS/,
    );
  });

  it('names every problem at once, including a short encryption key', () => {
    let caught: unknown;
    try {
      loadCatalogConfig({
        SWITCHYARD_ENCRYPTION_KEY: 'too-short',
        SWITCHYARD_CATALOG_SYNC_INTERVAL_MS: '5',
      });
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const paths = (caught as ConfigError).problems.map((problem) => problem.path).sort();
    expect(paths).toEqual([
      'DATABASE_URL',
      'NATS_URL',
      'REDIS_URL',
      'SWITCHYARD_CATALOG_SYNC_INTERVAL_MS',
      'SWITCHYARD_ENCRYPTION_KEY',
      'SWITCHYARD_KEY_PEPPER',
      'SWITCHYARD_MASTER_KEY',
    ]);
  });
});
