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

  it('reads the request timeouts, 30 s for headers and 60 s for the whole request by default', () => {
    expect(loadAccountingConfig(valid)).toMatchObject({
      headersTimeoutMs: 30_000,
      bodyTimeoutMs: 60_000,
    });
    const custom = loadAccountingConfig({
      ...valid,
      SWITCHYARD_HEADERS_TIMEOUT_MS: '5000',
      SWITCHYARD_BODY_TIMEOUT_MS: '20000',
    });
    expect(custom).toMatchObject({ headersTimeoutMs: 5_000, bodyTimeoutMs: 20_000 });
    expect(() => loadAccountingConfig({ ...valid, SWITCHYARD_BODY_TIMEOUT_MS: '0' })).toThrow(
      /SWITCHYARD_BODY_TIMEOUT_MS/,
    );
  });

  it('reads the optional NATS and Redis URLs and the usage settings, with defaults', () => {
    const defaults = loadAccountingConfig(valid);
    expect(defaults).toMatchObject({ natsUrl: undefined, redisUrl: undefined });
    expect(defaults.usage).toEqual({
      retentionDays: 90,
      requestBodyRetentionDays: 7,
      auditRetentionDays: 365,
      streamMaxAgeMs: 7 * 86_400_000,
      batchSize: 500,
      batchWaitMs: 1_000,
    });
    const set = loadAccountingConfig({
      ...valid,
      NATS_URL: 'nats://127.0.0.1:4222',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SWITCHYARD_USAGE_RETENTION_DAYS: '0',
      SWITCHYARD_REQUEST_BODY_RETENTION_DAYS: '3',
      SWITCHYARD_AUDIT_RETENTION_DAYS: '30',
      SWITCHYARD_USAGE_STREAM_MAX_AGE_HOURS: '24',
      SWITCHYARD_USAGE_BATCH_SIZE: '1000',
      SWITCHYARD_USAGE_BATCH_WAIT_MS: '2000',
    });
    expect(set).toMatchObject({
      natsUrl: 'nats://127.0.0.1:4222',
      redisUrl: 'redis://127.0.0.1:6379',
      usage: {
        retentionDays: 0,
        requestBodyRetentionDays: 3,
        auditRetentionDays: 30,
        streamMaxAgeMs: 86_400_000,
        batchSize: 1_000,
        batchWaitMs: 2_000,
      },
    });
    expect(() => loadAccountingConfig({ ...valid, SWITCHYARD_USAGE_BATCH_SIZE: '5000' })).toThrow(
      /SWITCHYARD_USAGE_BATCH_SIZE/,
    );
    expect(() =>
      loadAccountingConfig({ ...valid, SWITCHYARD_REQUEST_BODY_RETENTION_DAYS: '-1' }),
    ).toThrow(/SWITCHYARD_REQUEST_BODY_RETENTION_DAYS/);
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
