import { describe, expect, it } from 'vitest';
import { isRowDataError } from './is-row-data-error.js';

describe('isRowDataError', () => {
  it('is true for data exceptions and integrity violations only', () => {
    expect(isRowDataError({ code: '22003' })).toBe(true); // numeric value out of range
    expect(isRowDataError({ code: '23514' })).toBe(true); // check violation
    expect(isRowDataError({ code: '08006' })).toBe(false); // connection failure
    expect(isRowDataError({ code: '42P01' })).toBe(false); // undefined table
    expect(isRowDataError({ code: 'ECONNREFUSED' })).toBe(false);
    expect(isRowDataError(new Error('boom'))).toBe(false);
    expect(isRowDataError(null)).toBe(false);
  });
});
