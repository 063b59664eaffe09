// The per-key request-log switch through the admin API (the gateway's side is in services/gateway).
import { describe, expect, it } from 'vitest';
import {
  accounting,
  asMaster,
  call,
  createKey,
  createTeam,
  errorOf,
  type Json,
  useAdminApi,
} from '../testing/admin-api-test-client.js';

useAdminApi();

describe('admin API: body logging', () => {
  it('switches body logging per key: off by default, set on create or PATCH, gateways told', async () => {
    const teamId = await createTeam('request-log');
    const plain = await createKey(teamId, 'member');
    expect(plain.log_bodies).toBe(false);
    const logged = await asMaster('POST', '/admin/v1/keys', {
      name: 'logged',
      team_id: teamId,
      log_bodies: true,
    });
    expect(logged.status).toBe(201);
    expect(logged.body.log_bodies).toBe(true);
    expect((await asMaster('GET', `/admin/v1/keys/${String(logged.body.id)}`)).body).toMatchObject({
      log_bodies: true,
    });

    const changesBefore = accounting.changes.length;
    const switchedOn = await asMaster('PATCH', `/admin/v1/keys/${String(plain.id)}`, {
      log_bodies: true,
    });
    expect(switchedOn.status).toBe(200);
    expect(switchedOn.body).toMatchObject({ log_bodies: true, name: plain.name });
    // Gateways evict the cached principal, so the switch applies to the key's next request.
    const row = await accounting.database.db
      .selectFrom('accounting.api_keys')
      .select(['log_bodies', 'key_hash'])
      .where('id', '=', String(plain.id))
      .executeTakeFirstOrThrow();
    expect(row.log_bodies).toBe(true);
    expect(accounting.changes.slice(changesBefore)).toEqual([
      { kind: 'key', id: plain.id, keyHash: Buffer.from(row.key_hash).toString('hex') },
    ]);
    // A PATCH that omits it keeps it.
    const renamed = await asMaster('PATCH', `/admin/v1/keys/${String(plain.id)}`, { name: 'x' });
    expect(renamed.body.log_bodies).toBe(true);

    // A team_admin may switch it on its team's keys, as any other key field.
    const teamAdmin = String((await createKey(teamId, 'team_admin')).secret);
    const byTeamAdmin = await call('PATCH', `/admin/v1/keys/${String(plain.id)}`, teamAdmin, {
      log_bodies: false,
    });
    expect(byTeamAdmin.status).toBe(200);
    expect(byTeamAdmin.body.log_bodies).toBe(false);
    const listed = await call('GET', `/admin/v1/keys?team_id=${teamId}`, teamAdmin);
    expect((listed.body.data as Json[]).every((key) => typeof key.log_bodies === 'boolean')).toBe(
      true,
    );
    const otherTeam = await createTeam('request-log-other');
    const foreign = await createKey(otherTeam, 'member');
    const refused = await call('PATCH', `/admin/v1/keys/${String(foreign.id)}`, teamAdmin, {
      log_bodies: true,
    });
    expect(refused.status).toBe(403);

    const malformed = await asMaster('PATCH', `/admin/v1/keys/${String(plain.id)}`, {
      log_bodies: 'yes',
    });
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed.body).param).toBe('log_bodies');
  });
});
