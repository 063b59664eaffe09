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

  it('reads the SSO settings, and names what SSO lacks once the issuer is set', () => {
    const sso = {
      ...valid,
      SWITCHYARD_SSO_ISSUER: 'https://idp.example.com/realms/acme',
      SWITCHYARD_SSO_CLIENT_ID: 'switchyard-console',
      SWITCHYARD_SSO_CLIENT_SECRET: 'client-secret',
      SWITCHYARD_SSO_REDIRECT_URL: 'https://switchyard.example.com/console/auth/sso/callback',
      SWITCHYARD_SSO_SCOPES: 'email groups',
      SWITCHYARD_SSO_ROLE_MAPPINGS: JSON.stringify([
        { group: 'ml-platform', role: 'admin' },
        { group: 'team-search', role: 'team_admin', team: 'search' },
      ]),
      SWITCHYARD_CONSOLE_ACTOR_SECRET: 'x'.repeat(32),
    };
    expect(loadConsoleConfig(valid).sso).toBeUndefined();
    expect(loadConsoleConfig(sso).sso).toMatchObject({
      clientId: 'switchyard-console',
      postLogoutRedirectUrl: 'https://switchyard.example.com/console/',
      groupsClaim: 'groups',
      scopes: 'openid email groups',
      roleMappings: [
        { group: 'ml-platform', role: 'admin' },
        { group: 'team-search', role: 'team_admin', team: 'search' },
      ],
    });
    const problems = (env: Record<string, string>) => {
      try {
        loadConsoleConfig(env);
      } catch (error: unknown) {
        return error instanceof ConfigError ? error.message : String(error);
      }
      return '';
    };
    const missing = problems({ ...valid, SWITCHYARD_SSO_ISSUER: sso.SWITCHYARD_SSO_ISSUER });
    expect(missing).toContain('SWITCHYARD_SSO_CLIENT_ID');
    expect(missing).toContain('SWITCHYARD_SSO_ROLE_MAPPINGS');
    expect(missing).toContain('SWITCHYARD_CONSOLE_ACTOR_SECRET');
    expect(
      problems({
        ...sso,
        SWITCHYARD_SSO_ROLE_MAPPINGS: '[{"group":"g","role":"team_admin"}]',
      }),
    ).toContain('SWITCHYARD_SSO_ROLE_MAPPINGS');
    expect(
      problems({ ...sso, SWITCHYARD_SSO_REDIRECT_URL: 'https://switchyard.example.com/callback' }),
    ).toContain('SWITCHYARD_SSO_REDIRECT_URL');
    // The client secret is never part of an error message.
    expect(problems({ ...sso, SWITCHYARD_CONSOLE_ACTOR_SECRET: 'short' })).not.toContain(
      'client-secret',
    );
  });
});
