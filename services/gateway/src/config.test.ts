import { ConfigError } from '@switchyard/config';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPSTREAM_MAX_CONNECTIONS, loadAccessConfig } from './config.js';

describe('loadAccessConfig', () => {
  it('caps connections per upstream origin at SWITCHYARD_UPSTREAM_MAX_CONNECTIONS', () => {
    expect(loadAccessConfig({}).upstreamMaxConnections).toBe(DEFAULT_UPSTREAM_MAX_CONNECTIONS);
    expect(DEFAULT_UPSTREAM_MAX_CONNECTIONS).toBeGreaterThanOrEqual(2_000);
    expect(
      loadAccessConfig({ SWITCHYARD_UPSTREAM_MAX_CONNECTIONS: '8000' }).upstreamMaxConnections,
    ).toBe(8_000);
  });

  it('refuses a cap that is not a positive integer, naming the variable', () => {
    expect(() => loadAccessConfig({ SWITCHYARD_UPSTREAM_MAX_CONNECTIONS: '0' })).toThrow(
      ConfigError,
    );
    expect(() => loadAccessConfig({ SWITCHYARD_UPSTREAM_MAX_CONNECTIONS: 'many' })).toThrow(
      /SWITCHYARD_UPSTREAM_MAX_CONNECTIONS/,
    );
  });

  it('charges 1 % of large limits ahead unless SWITCHYARD_LIMIT_ALLOWANCE_SHARE says otherwise', () => {
    expect(loadAccessConfig({}).limitAllowanceShare).toBe(0.01);
    expect(loadAccessConfig({ SWITCHYARD_LIMIT_ALLOWANCE_SHARE: '0' }).limitAllowanceShare).toBe(0);
    expect(() => loadAccessConfig({ SWITCHYARD_LIMIT_ALLOWANCE_SHARE: '0.5' })).toThrow(
      /SWITCHYARD_LIMIT_ALLOWANCE_SHARE/,
    );
  });
});
