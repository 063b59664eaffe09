import { describe, expect, it } from 'vitest';
import { matchAdminRoute } from './match-admin-route.js';

const KEY = '0b6f7c3e-6a53-4c1e-9f0e-7d3c2b1a0f9e';

describe('matchAdminRoute', () => {
  it('sends teams, keys and usage to the admin API and the catalog routes to the catalog', () => {
    expect(matchAdminRoute('POST', 'teams')?.target).toBe('admin');
    expect(matchAdminRoute('POST', `keys/${KEY}/rotate`)?.target).toBe('admin');
    expect(matchAdminRoute('GET', 'usage/summary')?.target).toBe('admin');
    expect(matchAdminRoute('PATCH', 'models/openai/gpt-4o')?.target).toBe('catalog');
    expect(matchAdminRoute('PATCH', 'models/openai%2Fgpt-4o:free')?.target).toBe('catalog');
    expect(matchAdminRoute('POST', 'catalog/sync')?.target).toBe('catalog');
    expect(matchAdminRoute('GET', 'catalog/sync/latest')?.target).toBe('catalog');
    expect(matchAdminRoute('DELETE', `credentials/${KEY}`)?.target).toBe('catalog');
    expect(matchAdminRoute('GET', 'usage/credentials')).toMatchObject({
      target: 'admin',
      forMembers: false,
    });
    expect(matchAdminRoute('GET', 'gateway/credentials')).toMatchObject({
      target: 'gateway',
      forMembers: false,
    });
    expect(matchAdminRoute('POST', 'gateway/credentials')).toBeUndefined();
  });

  it('streams CSV exports of the request log and the usage summary only', () => {
    expect(matchAdminRoute('GET', 'requests')?.exports).toBe(true);
    expect(matchAdminRoute('GET', 'usage/summary')?.exports).toBe(true);
    expect(matchAdminRoute('GET', 'usage/events')?.exports).toBe(false);
    expect(matchAdminRoute('GET', 'keys')?.exports).toBe(false);
  });

  it('reads the audit logs (team_admin and up; never for members, never written)', () => {
    expect(matchAdminRoute('GET', 'audit')).toMatchObject({ target: 'admin', forMembers: false });
    expect(matchAdminRoute('GET', 'catalog/audit')).toMatchObject({
      target: 'catalog',
      forMembers: false,
    });
    expect(matchAdminRoute('POST', 'audit')).toBeUndefined();
    expect(matchAdminRoute('DELETE', 'catalog/audit')).toBeUndefined();
  });

  it('lets members read only usage, pinned to their own key for lists and summaries', () => {
    expect(matchAdminRoute('GET', 'usage/events')).toMatchObject({
      forMembers: true,
      scopeToKey: true,
    });
    expect(matchAdminRoute('GET', 'usage/events/req_123')).toMatchObject({
      forMembers: true,
      scopeToKey: false,
    });
    expect(matchAdminRoute('GET', 'keys')?.forMembers).toBe(false);
  });

  it('refuses methods and paths the UI does not use, and any dot segment', () => {
    expect(matchAdminRoute('DELETE', `keys/${KEY}`)).toBeUndefined();
    expect(matchAdminRoute('PUT', 'teams')).toBeUndefined();
    expect(matchAdminRoute('GET', 'openapi.json')).toBeUndefined();
    expect(matchAdminRoute('GET', 'models/../../../v1/chat')).toBeUndefined();
    expect(matchAdminRoute('GET', 'models/%2E%2E/x')).toBeUndefined();
    expect(matchAdminRoute('GET', 'teams/a/b')).toBeUndefined();
  });
});
