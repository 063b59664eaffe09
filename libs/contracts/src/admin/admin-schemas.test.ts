import { describe, expect, it } from 'vitest';
import { createKeySchema, createTeamSchema, updateKeySchema } from './admin-schemas.js';

const teamId = '00000000-0000-4000-8000-000000000001';

describe('admin schemas', () => {
  it('refuse NUL characters Postgres cannot store, naming the field', () => {
    const name = createTeamSchema.safeParse({ name: 'a\u0000b' });
    expect(name.success).toBe(false);
    expect(name.error?.issues[0]?.path).toEqual(['name']);
    const metadata = createTeamSchema.safeParse({ name: 'a', metadata: { note: 'x\u0000' } });
    expect(metadata.error?.issues[0]?.path).toEqual(['metadata']);
  });

  it('refuse an expiry in the past and budgets that are not exact amounts', () => {
    const past = createKeySchema.safeParse({
      name: 'k',
      team_id: teamId,
      expires_at: '2001-01-01T00:00:00Z',
    });
    expect(past.error?.issues[0]?.path).toEqual(['expires_at']);
    const budget = createKeySchema.safeParse({
      name: 'k',
      team_id: teamId,
      budget: { limit_usd: '1e3', period: 'month' },
    });
    expect(budget.error?.issues[0]?.path).toEqual(['budget', 'limit_usd']);
    expect(
      createKeySchema.safeParse({
        name: 'k',
        team_id: teamId,
        budget: { limit_usd: '25.50', period: 'day' },
      }).success,
    ).toBe(true);
  });

  it('log no bodies unless asked, and never switch logging off by omission', () => {
    expect(createKeySchema.parse({ name: 'k', team_id: teamId }).log_bodies).toBe(false);
    expect(updateKeySchema.parse({ name: 'renamed' })).toEqual({ name: 'renamed' });
    expect(updateKeySchema.parse({ log_bodies: true })).toEqual({ log_bodies: true });
    expect(updateKeySchema.safeParse({ log_bodies: 'yes' }).error?.issues[0]?.path).toEqual([
      'log_bodies',
    ]);
  });
});
