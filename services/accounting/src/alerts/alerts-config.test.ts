import { describe, expect, it } from 'vitest';
import { loadAccountingConfig } from '../config.js';
import { loadAlertsConfig } from './alerts-config.js';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  SWITCHYARD_KEY_PEPPER: 'a-pepper-of-16-chars',
  SWITCHYARD_MASTER_KEY: 'sk-master',
};

describe('spend alert configuration', () => {
  it('retries 8 times from 2 s with a 10 s timeout, and no global webhook, by default', () => {
    expect(loadAccountingConfig(valid).alerts).toEqual({
      delivery: { attempts: 8, backoffMs: 2_000, timeoutMs: 10_000 },
      webhook: undefined,
    });
  });

  it('reads a global webhook with its secret and format', () => {
    const config = loadAccountingConfig({
      ...valid,
      SWITCHYARD_ALERT_WEBHOOK_URL: 'https://hooks.example.com/services/T0/B0/x',
      SWITCHYARD_ALERT_WEBHOOK_SECRET: 'a-secret-of-16-chars',
      SWITCHYARD_ALERT_WEBHOOK_FORMAT: 'slack',
      SWITCHYARD_ALERT_DELIVERY_ATTEMPTS: '3',
    });
    expect(config.alerts).toEqual({
      delivery: { attempts: 3, backoffMs: 2_000, timeoutMs: 10_000 },
      webhook: {
        url: 'https://hooks.example.com/services/T0/B0/x',
        secret: 'a-secret-of-16-chars',
        format: 'slack',
      },
    });
  });

  it('names the variable when a webhook has no secret, a short one, or a bad URL', () => {
    const url = 'https://hooks.example.com/x';
    expect(() => loadAccountingConfig({ ...valid, SWITCHYARD_ALERT_WEBHOOK_URL: url })).toThrow(
      /SWITCHYARD_ALERT_WEBHOOK_SECRET: is required with SWITCHYARD_ALERT_WEBHOOK_URL/,
    );
    expect(() =>
      loadAccountingConfig({
        ...valid,
        SWITCHYARD_ALERT_WEBHOOK_URL: url,
        SWITCHYARD_ALERT_WEBHOOK_SECRET: 'short',
      }),
    ).toThrow(/SWITCHYARD_ALERT_WEBHOOK_SECRET: must be at least 16 characters/);
    expect(() =>
      loadAccountingConfig({ ...valid, SWITCHYARD_ALERT_WEBHOOK_URL: 'file:///etc/passwd' }),
    ).toThrow(/SWITCHYARD_ALERT_WEBHOOK_URL/);
  });

  it('reads the same variables alone, for standalone', () => {
    expect(loadAlertsConfig({ SWITCHYARD_ALERT_TIMEOUT_MS: '2500' }).delivery.timeoutMs).toBe(
      2_500,
    );
    expect(() => loadAlertsConfig({ SWITCHYARD_ALERT_WEBHOOK_URL: 'https://x.example/' })).toThrow(
      /SWITCHYARD_ALERT_WEBHOOK_SECRET/,
    );
  });
});
