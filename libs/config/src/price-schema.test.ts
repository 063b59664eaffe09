import { describe, expect, it } from 'vitest';
import { priceSchema } from './price-schema.js';

function reason(value: unknown): string | undefined {
  return priceSchema.safeParse(value).error?.issues[0]?.message;
}

describe('priceSchema', () => {
  it('turns YAML numbers into exact decimal strings', () => {
    expect(priceSchema.parse(1e-7)).toBe('0.0000001');
    expect(priceSchema.parse(2.5e-6)).toBe('0.0000025');
    expect(priceSchema.parse(0)).toBe('0');
  });

  it('accepts decimal strings', () => {
    expect(priceSchema.parse('0.0000025')).toBe('0.0000025');
    expect(priceSchema.parse(' 0.00001 ')).toBe('0.00001');
  });

  it('rejects negative, NaN and non-numeric prices', () => {
    expect(reason(-0.5)).toBe('must not be negative');
    expect(reason('-0.5')).toBe('must not be negative');
    expect(reason(Number.NaN)).toBe('must be a finite number');
    expect(reason('cheap')).toMatch(/expected a non-negative decimal/);
    expect(reason('1e-7')).toMatch(/expected a non-negative decimal/);
    expect(reason(true)).toMatch(/expected a non-negative decimal/);
  });
});
