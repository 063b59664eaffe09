import { auditPageSchema } from '@switchyard/contracts';
import { pruneAuditLog } from '@switchyard/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  accounting,
  asMaster,
  call,
  createKey,
  createTeam,
  errorOf,
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

describe('GET /admin/v1/audit', () => {
  it('filters by actor, action, target and time, pages newest first, and scopes a team_admin to its team', async () => {
    const teamA = await createTeam('scope-a');
    const teamB = await createTeam('scope-b');
    const adminA = await createKey(teamA, 'team_admin', 'admin-a');
    const memberA = await createKey(teamA, 'member', 'member-a');
    await createKey(teamB, 'member', 'member-b');
    for (const rpm of [1, 2, 3]) {
      const patched = await call(
        'PATCH',
        `/admin/v1/keys/${String(memberA.id)}`,
        String(adminA.secret),
        {
          limits: { rpm },
        },
      );
      expect(patched.status).toBe(200);
    }

    const byActor = await asMaster('GET', `/admin/v1/audit?actor=${String(adminA.id)}`);
    expect(byActor.status).toBe(200);
    const actorPage = auditPageSchema.parse(byActor.body);
    expect(actorPage.data.map((entry) => entry.after)).toMatchObject([
      { limits: { rpm: 3 } },
      { limits: { rpm: 2 } },
      { limits: { rpm: 1 } },
    ]);

    // Keyset pages: one at a time, newest first, no repeats, no gaps.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = `actor=${String(adminA.id)}&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`;
      const page = auditPageSchema.parse((await asMaster('GET', `/admin/v1/audit?${query}`)).body);
      seen.push(...page.data.map((entry) => entry.id));
      cursor = page.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual(actorPage.data.map((entry) => entry.id));

    const creates = auditPageSchema.parse(
      (await asMaster('GET', `/admin/v1/audit?action=key.create&team_id=${teamB}`)).body,
    );
    expect(creates.data).toHaveLength(1);
    expect(creates.data[0]).toMatchObject({ action: 'key.create', team_id: teamB });
    const teamActions = auditPageSchema.parse(
      (await asMaster('GET', `/admin/v1/audit?action=team.*&target_id=${teamA}`)).body,
    );
    expect(teamActions.data.map((entry) => entry.action)).toEqual(['team.create']);
    const byTarget = auditPageSchema.parse(
      (await asMaster('GET', `/admin/v1/audit?target_type=key&target_id=${String(memberA.id)}`))
        .body,
    );
    expect(byTarget.data).toHaveLength(4);
    const future = auditPageSchema.parse(
      (await asMaster('GET', '/admin/v1/audit?from=2999-01-01T00:00:00Z')).body,
    );
    expect(future.data).toEqual([]);
    const past = auditPageSchema.parse(
      (await asMaster('GET', '/admin/v1/audit?to=2000-01-01T00:00:00Z')).body,
    );
    expect(past.data).toEqual([]);

    // A team_admin sees its own team's rows only, and may not ask for another team's.
    const scoped = auditPageSchema.parse(
      (await call('GET', '/admin/v1/audit?limit=200', String(adminA.secret))).body,
    );
    expect(scoped.data.length).toBeGreaterThan(0);
    expect(scoped.data.every((entry) => entry.team_id === teamA)).toBe(true);
    const other = await call('GET', `/admin/v1/audit?team_id=${teamB}`, String(adminA.secret));
    expect(other.status).toBe(403);
    expect(errorOf(other.body).code).toBe('forbidden_team');
    const member = await call('GET', '/admin/v1/audit', String(memberA.secret));
    expect(member.status).toBe(403);
    expect(errorOf(member.body).code).toBe('insufficient_role');
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const [query, param] of [
      ['action=drop table', 'action'],
      ['from=yesterday', 'from'],
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from'],
      ['cursor=nope', 'cursor'],
      ['limit=0', 'limit'],
    ] as const) {
      const response = await asMaster('GET', `/admin/v1/audit?${query}`);
      expect(response.status, query).toBe(400);
      expect(errorOf(response.body).param, query).toBe(param);
    }
  });
});

describe('audit log: append-only and retention', () => {
  it('refuses UPDATE, DELETE and TRUNCATE; only the retention prune deletes, and only old rows', async () => {
    await createTeam('append-only');
    await expect(
      sql`update accounting.audit_log set action = 'forged'`.execute(db()),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from accounting.audit_log`.execute(db())).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate accounting.audit_log`.execute(db())).rejects.toThrow(/append-only/);

    const count = (await auditRows()).length;
    const old = new Date(Date.parse('2020-01-01T00:00:00Z'));
    await db()
      .insertInto('accounting.audit_log')
      .values({
        occurred_at: old,
        actor_role: 'admin',
        action: 'team.update',
        target_type: 'team',
        target_id: 'ancient',
        request_id: 'req-old',
      })
      .execute();
    const now = new Date(Date.parse('2020-03-01T00:00:00Z'));
    expect(await pruneAuditLog(db(), 'accounting.audit_log', 30, { now })).toBe(1);
    expect((await auditRows()).length).toBe(count);
    // The setting was local to the prune's transaction: a plain delete is refused again.
    await expect(sql`delete from accounting.audit_log`.execute(db())).rejects.toThrow(
      /append-only/,
    );
  });
});
