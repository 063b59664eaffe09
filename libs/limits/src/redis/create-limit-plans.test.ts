import { describe, expect, it } from 'vitest';
import type { LimitScope } from '../limit-scope.js';
import { createLimitPlans } from './create-limit-plans.js';

const scopes = (): LimitScope[] => [
  { id: 'key:k1', requestsPerMinute: 60, maxConcurrent: 2 },
  { id: 'team:t1', tokensPerMinute: 1_000 },
];

describe('createLimitPlans', () => {
  it('plans the limits in order with the Redis key of each', () => {
    const plan = createLimitPlans()('t1', scopes());
    expect(plan.limits).toEqual([
      { scope: 'key:k1', kind: 'requests', limit: 60 },
      { scope: 'key:k1', kind: 'concurrency', limit: 2 },
      { scope: 'team:t1', kind: 'tokens', limit: 1_000 },
    ]);
    expect(plan.keys).toEqual([
      'sy:v1:{t1}:key:k1:r',
      'sy:v1:{t1}:key:k1:c',
      'sy:v1:{t1}:team:t1:t',
    ]);
  });

  it('plans a frozen scope list once per partition', () => {
    const planOf = createLimitPlans();
    const frozen = Object.freeze(scopes().map((scope) => Object.freeze(scope)));
    const first = planOf('t1', frozen);
    expect(planOf('t1', frozen)).toBe(first);
    const other = planOf('t2', frozen);
    expect(other).not.toBe(first);
    expect(other.keys[0]).toBe('sy:v1:{t2}:key:k1:r');
  });

  it('plans a list that may change every time', () => {
    const planOf = createLimitPlans();
    const list = scopes();
    const first = planOf('t1', list);
    list.push({ id: 'key:k1:model:m', requestsPerMinute: 5 });
    expect(planOf('t1', list).limits).toHaveLength(first.limits.length + 1);
    // A frozen list of scopes that are not: a scope may still change.
    const scope: LimitScope = { id: 'key:k1', requestsPerMinute: 60 };
    const shallow = Object.freeze([scope]);
    expect(planOf('t1', shallow).limits[0]?.limit).toBe(60);
    (scope as { requestsPerMinute: number }).requestsPerMinute = 30;
    expect(planOf('t1', shallow).limits[0]?.limit).toBe(30);
  });

  it('refuses a bad limit every time it is asked, frozen or not', () => {
    const planOf = createLimitPlans();
    const bad = Object.freeze([Object.freeze({ id: 'key:k1', requestsPerMinute: 0 })]);
    expect(() => planOf('t1', bad)).toThrow(RangeError);
    expect(() => planOf('t1', bad)).toThrow(RangeError);
  });
});
