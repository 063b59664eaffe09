import { describe, expect, it } from 'vitest';
import { MASTER_PRINCIPAL, type Principal } from '../auth/principal.js';
import { limitScopesOf } from './limit-scopes-of.js';

const principal = (): Principal => ({
  ...MASTER_PRINCIPAL,
  keyId: 'k1',
  teamId: 't1',
  role: 'member',
  keyLimits: { requestsPerMinute: 60 },
  teamLimits: { tokensPerMinute: 1_000, maxConcurrent: 4 },
  modelLimits: { 'openai/gpt-4o': { requestsPerMinute: 5 } },
});

describe('limitScopesOf', () => {
  it("lists the key's, the team's and the key's limits for the model, partitioned by team", () => {
    const who = principal();
    expect(limitScopesOf(who, 'openai/gpt-4o')).toEqual({
      partition: 't1',
      scopes: [
        { id: 'key:k1', requestsPerMinute: 60 },
        { id: 'team:t1', tokensPerMinute: 1_000, maxConcurrent: 4 },
        { id: 'key:k1:model:openai/gpt-4o', requestsPerMinute: 5 },
      ],
    });
    expect(limitScopesOf(who, 'other/model').scopes).toHaveLength(2);
    expect(limitScopesOf({ ...who, teamId: null }, undefined).partition).toBe('k1');
    expect(limitScopesOf(MASTER_PRINCIPAL, undefined).scopes).toEqual([]);
  });

  it('gives the same frozen object for the same principal and model, so the limiter plans it once', () => {
    const who = principal();
    const first = limitScopesOf(who, 'openai/gpt-4o');
    expect(limitScopesOf(who, 'openai/gpt-4o')).toBe(first);
    expect(Object.isFrozen(first.scopes)).toBe(true);
    expect(Object.isFrozen(first.scopes[0])).toBe(true);
    expect(limitScopesOf(who, undefined)).not.toBe(first);
    // Another principal object (the key's limits changed and it was looked up again): its own.
    const changed = { ...who, keyLimits: { requestsPerMinute: 30 } };
    expect(limitScopesOf(changed, 'openai/gpt-4o').scopes[0]).toEqual({
      id: 'key:k1',
      requestsPerMinute: 30,
    });
  });
});
