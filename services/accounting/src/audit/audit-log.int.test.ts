import { signActorAssertion } from '@switchyard/service-kit';
import { describe, expect, it } from 'vitest';
import {
  accounting,
  asMaster,
  call,
  createKey,
  createTeam,
  type Json,
  useAdminApi,
} from '../testing/admin-api-test-client.js';

useAdminApi();

const db = () => accounting.database.db;

/** Every audit row, oldest first. */
async function auditRows() {
  return db()
    .selectFrom('accounting.audit_log')
    .selectAll()
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

/** Runs `change`, and expects it to add no audit row (it failed, or changed nothing). */
async function expectNoRow(change: () => Promise<{ status: number }>, status: number) {
  const before = (await auditRows()).length;
  const response = await change();
  expect(response.status).toBe(status);
  expect((await auditRows()).length).toBe(before);
}

/** Runs `change` and answers the one audit row it added. */
async function expectOneRow(change: () => Promise<{ status: number; body: Json }>, status = 200) {
  const before = await auditRows();
  const response = await change();
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  const after = await auditRows();
  expect(after).toHaveLength(before.length + 1);
  const row = after.find((candidate) => !before.some((old) => old.id === candidate.id));
  if (row === undefined) throw new Error('no new audit row');
  return { row, body: response.body };
}

describe('audit log: team changes', () => {
  it('records a team create, update and delete with actor, before/after, request id and IP', async () => {
    const created = await accounting.app.inject({
      method: 'POST',
      url: '/admin/v1/teams',
      headers: { authorization: `Bearer ${accounting.masterKey}` },
      payload: { name: 'audited', limits: { rpm: 10 } },
      remoteAddress: '203.0.113.7',
    });
    expect(created.statusCode).toBe(201);
    const teamId = String(created.json<Json>().id);
    const [createRow] = (await auditRows()).filter((row) => row.target_id === teamId);
    expect(createRow).toMatchObject({
      action: 'team.create',
      target_type: 'team',
      team_id: teamId,
      actor_key_id: null,
      actor_subject: null,
      actor_role: 'admin',
      before: null,
      after: { id: teamId, name: 'audited', limits: { rpm: 10 } },
      request_id: created.headers['x-switchyard-request-id'],
      source_ip: '203.0.113.7',
    });

    const { row: update } = await expectOneRow(() =>
      asMaster('PATCH', `/admin/v1/teams/${teamId}`, {
        limits: { rpm: 20 },
        budget: { limit_usd: '12.5', period: 'month' },
        model_allowlist: ['openai/*'],
      }),
    );
    expect(update).toMatchObject({
      action: 'team.update',
      before: { limits: { rpm: 10 }, budget: null, model_allowlist: null },
      after: {
        limits: { rpm: 20 },
        budget: { limit_usd: '12.5', period: 'month' },
        model_allowlist: ['openai/*'],
      },
    });

    const { row: deleted } = await expectOneRow(() =>
      asMaster('DELETE', `/admin/v1/teams/${teamId}`),
    );
    expect(deleted).toMatchObject({
      action: 'team.delete',
      target_id: teamId,
      before: { name: 'audited' },
      after: null,
    });
  });

  it('writes no row when a team change fails', async () => {
    const teamId = await createTeam('taken');
    const other = await createTeam('other');
    await expectNoRow(() => asMaster('POST', '/admin/v1/teams', { name: 'taken' }), 409);
    await expectNoRow(() => asMaster('PATCH', `/admin/v1/teams/${other}`, { name: 'taken' }), 409);
    await expectNoRow(
      () => asMaster('PATCH', '/admin/v1/teams/00000000-0000-4000-8000-000000000000', {}),
      404,
    );
    await expectNoRow(() => asMaster('POST', '/admin/v1/teams', { name: '' }), 400);
    await createKey(teamId, 'member');
    await expectNoRow(() => asMaster('DELETE', `/admin/v1/teams/${teamId}`), 409);
  });
});

describe('audit log: a person signed in through SSO', () => {
  it('records their subject as who made the change, and finds their rows by it', async () => {
    const subject = 'oidc|alice-0001';
    const assertion = signActorAssertion(accounting.consoleActorSecret, {
      subject,
      role: 'admin',
      teamId: null,
    });
    const created = await accounting.app.inject({
      method: 'POST',
      url: '/admin/v1/teams',
      headers: { 'x-switchyard-actor': assertion },
      payload: { name: 'made-by-sso' },
    });
    expect(created.statusCode).toBe(201);
    const teamId = String(created.json<Json>().id);
    const [row] = (await auditRows()).filter((candidate) => candidate.target_id === teamId);
    expect(row).toMatchObject({
      action: 'team.create',
      actor_key_id: null,
      actor_subject: subject,
      actor_role: 'admin',
    });
    const page = await asMaster('GET', `/admin/v1/audit?actor=${encodeURIComponent(subject)}`);
    expect(page.status).toBe(200);
    expect(page.body.data).toMatchObject([
      { actor: { key_id: null, subject }, action: 'team.create', target: { id: teamId } },
    ]);
  });
});

describe('audit log: spend-alert webhooks', () => {
  it('records adding and removing a webhook, never its secret; a refused one adds no row', async () => {
    const secret = 'audit-webhook-secret-0123456789';
    const { row: created, body } = await expectOneRow(
      () =>
        asMaster('POST', '/admin/v1/alerts/webhooks', {
          name: 'finance',
          url: 'https://hooks.example.com/services/T000/B000/XXXX',
          secret,
        }),
      201,
    );
    expect(created).toMatchObject({
      action: 'alert_webhook.create',
      target_type: 'alert_webhook',
      target_id: body.id,
      team_id: null,
      before: null,
      after: { id: body.id, name: 'finance', url: 'https://hooks.example.com/…' },
    });
    expect(JSON.stringify(created)).not.toContain(secret);
    await expectNoRow(
      () => asMaster('POST', '/admin/v1/alerts/webhooks', { name: 'bad', url: 'ftp://x', secret }),
      400,
    );
    const { row: deleted } = await expectOneRow(() =>
      asMaster('DELETE', `/admin/v1/alerts/webhooks/${String(body.id)}`),
    );
    expect(deleted).toMatchObject({
      action: 'alert_webhook.delete',
      before: { id: body.id, name: 'finance' },
      after: null,
    });
    expect(JSON.stringify(deleted)).not.toContain(secret);
  });
});

describe('audit log: key changes', () => {
  it('records create, update (limits, budget, allowlist, log_bodies), revoke and rotate without secrets', async () => {
    const teamId = await createTeam('key-audit');
    const teamAdmin = await createKey(teamId, 'team_admin', 'boss');
    const { row: create, body: key } = await expectOneRow(
      () =>
        call('POST', '/admin/v1/keys', String(teamAdmin.secret), {
          name: 'worker',
          team_id: teamId,
          role: 'member',
        }),
      201,
    );
    const keyId = String(key.id);
    expect(create).toMatchObject({
      action: 'key.create',
      target_type: 'key',
      target_id: keyId,
      team_id: teamId,
      actor_key_id: teamAdmin.id,
      actor_role: 'team_admin',
      after: { id: keyId, name: 'worker', role: 'member' },
    });

    const { row: update } = await expectOneRow(() =>
      asMaster('PATCH', `/admin/v1/keys/${keyId}`, {
        limits: { rpm: 5 },
        budget: { limit_usd: '3', period: 'day' },
        model_allowlist: ['openai/gpt-4o'],
        log_bodies: true,
      }),
    );
    expect(update).toMatchObject({
      action: 'key.update',
      before: { limits: { rpm: null }, budget: null, model_allowlist: null, log_bodies: false },
      after: {
        limits: { rpm: 5 },
        budget: { limit_usd: '3', period: 'day' },
        model_allowlist: ['openai/gpt-4o'],
        log_bodies: true,
      },
    });

    const { row: rotate, body: rotated } = await expectOneRow(() =>
      asMaster('POST', `/admin/v1/keys/${keyId}/rotate`),
    );
    expect(rotate).toMatchObject({
      action: 'key.rotate',
      before: { key_prefix: key.key_prefix },
      after: { key_prefix: rotated.key_prefix },
    });

    const { row: revoke } = await expectOneRow(() =>
      asMaster('POST', `/admin/v1/keys/${keyId}/revoke`),
    );
    expect(revoke).toMatchObject({ action: 'key.revoke', before: { revoked_at: null } });
    expect((revoke.after as Json).revoked_at).toEqual(expect.any(String));

    // No secret, no hash, in any row, ever.
    const stored = JSON.stringify(await auditRows());
    for (const secret of [key.secret, rotated.secret, teamAdmin.secret]) {
      expect(stored).not.toContain(String(secret));
      expect(stored).not.toContain(String(secret).slice(10));
    }
    const hashes = await db().selectFrom('accounting.api_keys').select('key_hash').execute();
    for (const { key_hash } of hashes) {
      expect(stored).not.toContain(Buffer.from(key_hash).toString('hex'));
      expect(stored).not.toContain(Buffer.from(key_hash).toString('base64'));
    }
    expect(stored).not.toContain('key_hash');
  });

  it('writes no row when a key change fails or changes nothing', async () => {
    const teamId = await createTeam('key-failures');
    const otherTeam = await createTeam('key-failures-other');
    const teamAdmin = await createKey(teamId, 'team_admin', 'lead');
    const member = await createKey(teamId, 'member');
    const foreign = await createKey(otherTeam, 'member');
    const secret = String(teamAdmin.secret);
    await expectNoRow(
      () => asMaster('POST', '/admin/v1/keys', { name: 'x', team_id: crypto.randomUUID() }),
      404,
    );
    await expectNoRow(
      () => call('POST', '/admin/v1/keys', secret, { name: 'x', team_id: otherTeam }),
      403,
    );
    await expectNoRow(
      () => call('PATCH', `/admin/v1/keys/${String(foreign.id)}`, secret, { name: 'y' }),
      403,
    );
    await expectNoRow(
      () => call('PATCH', `/admin/v1/keys/${String(teamAdmin.id)}`, secret, { log_bodies: true }),
      403,
    );
    await expectNoRow(
      () => call('POST', `/admin/v1/keys/${String(member.id)}/rotate`, String(member.secret)),
      403,
    );
    await expectOneRow(() => asMaster('POST', `/admin/v1/keys/${String(member.id)}/revoke`));
    // Revoking again is idempotent: nothing changed, nothing recorded; rotating it is refused.
    await expectNoRow(() => asMaster('POST', `/admin/v1/keys/${String(member.id)}/revoke`), 200);
    await expectNoRow(() => asMaster('POST', `/admin/v1/keys/${String(member.id)}/rotate`), 400);
  });
});
