import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error.js';

describe('describeError', () => {
  it('spells out the inner errors of an AggregateError and falls back to the code', () => {
    const refused = Object.assign(new Error(''), { code: 'ECONNREFUSED' });
    const aggregate = new AggregateError([refused, new Error('connect ECONNREFUSED ::1:5432')], '');
    expect(describeError(aggregate)).toBe('ECONNREFUSED; connect ECONNREFUSED ::1:5432');
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('text')).toBe('text');
  });
});
