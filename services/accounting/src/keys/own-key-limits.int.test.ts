import { describe, expect, it } from 'vitest';
import {
  asMaster,
  call,
  createTeam,
  errorOf,
  type Json,
  useAdminApi,
} from '../testing/admin-api-test-client.js';

useAdminApi();

/** A team_admin key on which an admin set every kind of limit. */
async function limitedTeamAdmin(teamId: string): Promise<{ id: string; secret: string }> {
  const created = await asMaster('POST', '/admin/v1/keys', {
    name: 'limited-team-admin',
    team_id: teamId,
    role: 'team_admin',
    limits: { rpm: 10, tpm: 1000, max_concurrent: 2 },
    budget: { limit_usd: '5', period: 'month' },
    model_allowlist: ['openai/gpt-4o-mini', 'anthropic/*'],
    expires_at: new Date(Date.now() + 86_400_000).toISOString(),
  });
  expect(created.status).toBe(201);
  return { id: String(created.body.id), secret: String(created.body.secret) };
}

describe('admin API: a key and its own limits', () => {
  it('refuses a key lifting its own limits, allowlist, budget, expiry or role with 403', async () => {
    const teamId = await createTeam('self-lift');
    const own = await limitedTeamAdmin(teamId);
    const before = (await asMaster('GET', `/admin/v1/keys/${own.id}`)).body;
    for (const body of [
      { limits: { rpm: null } },
      { limits: { rpm: 5 } },
      { model_allowlist: null },
      { budget: null },
      { budget: { limit_usd: '1000000', period: 'total' } },
      { expires_at: null },
      { model_limits: { 'openai/gpt-4o': { rpm: 1000 } } },
      { role: 'member' },
      { log_bodies: true },
    ] satisfies Json[]) {
      const response = await call('PATCH', `/admin/v1/keys/${own.id}`, own.secret, body);
      expect(response.status, JSON.stringify(body)).toBe(403);
      expect(errorOf(response.body)).toMatchObject({
        type: 'permission_error',
        code: 'own_key_limits',
        param: Object.keys(body)[0],
      });
      expect(String(errorOf(response.body).message)).toContain('may not change its own');
    }
    const after = (await asMaster('GET', `/admin/v1/keys/${own.id}`)).body;
    expect({ ...after, updated_at: null }).toEqual({ ...before, updated_at: null });

    const renamed = await call('PATCH', `/admin/v1/keys/${own.id}`, own.secret, { name: 'mine' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'mine', limits: { rpm: 10 } });
    // An admin (here the master key) still changes the key's limits.
    const raised = await asMaster('PATCH', `/admin/v1/keys/${own.id}`, { limits: { rpm: 20 } });
    expect(raised.status).toBe(200);
  });

  it("stops a team_admin from minting or editing a key with more than its own key's limits", async () => {
    const teamId = await createTeam('mint-around');
    const own = await limitedTeamAdmin(teamId);
    const within = {
      team_id: teamId,
      limits: { rpm: 10, tpm: 500, max_concurrent: 1 },
      budget: { limit_usd: '4.99', period: 'total' },
      model_allowlist: ['anthropic/claude-3-5-sonnet'],
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const created = await call('POST', '/admin/v1/keys', own.secret, { name: 'ok', ...within });
    expect(created.status).toBe(201);
    const memberId = String(created.body.id);

    const over: [string, Json][] = [
      ['limits.rpm', { limits: { ...within.limits, rpm: 11 } }],
      ['limits.tpm', { limits: { ...within.limits, tpm: null } }],
      ['budget', { budget: { limit_usd: '5.000000001', period: 'month' } }],
      ['budget', { budget: { limit_usd: '1', period: 'day' } }],
      ['budget', { budget: null }],
      ['model_allowlist', { model_allowlist: ['openai/*'] }],
      ['model_allowlist', { model_allowlist: null }],
      ['expires_at', { expires_at: new Date(Date.now() + 2 * 86_400_000).toISOString() }],
    ];
    for (const [param, change] of over) {
      const create = await call('POST', '/admin/v1/keys', own.secret, {
        name: 'too-much',
        ...within,
        ...change,
      });
      expect(create.status, `create ${JSON.stringify(change)}`).toBe(403);
      expect(errorOf(create.body)).toMatchObject({ code: 'exceeds_own_limits', param });
      const patch = await call('PATCH', `/admin/v1/keys/${memberId}`, own.secret, change);
      expect(patch.status, `patch ${JSON.stringify(change)}`).toBe(403);
      expect(errorOf(patch.body)).toMatchObject({ code: 'exceeds_own_limits', param });
    }
    // Omitting a limit the team_admin has means no limit: refused too.
    const unlimited = await call('POST', '/admin/v1/keys', own.secret, {
      name: 'bare',
      team_id: teamId,
    });
    expect(unlimited.status).toBe(403);
    expect(errorOf(unlimited.body).code).toBe('exceeds_own_limits');
    // Changes within the ceiling, and fields without one, still work.
    const tighter = await call('PATCH', `/admin/v1/keys/${memberId}`, own.secret, {
      limits: { rpm: 3 },
      name: 'renamed',
    });
    expect(tighter.status).toBe(200);
    expect(tighter.body).toMatchObject({ name: 'renamed', limits: { rpm: 3 } });
  });
});
