import { describe, expect, it } from 'vitest';
import { perMillionToPerToken, perTokenToPerMillion } from './price-per-million.js';

describe('perTokenToPerMillion', () => {
  it('converts per-token decimal strings exactly, without float noise', () => {
    expect(perTokenToPerMillion('0.0000025')).toBe('2.5');
    expect(perTokenToPerMillion('0.00000015')).toBe('0.15');
    expect(perTokenToPerMillion('0.000000000000000001')).toBe('0.000000000001');
    expect(perTokenToPerMillion('0.0000001')).toBe('0.1');
    expect(perTokenToPerMillion('0')).toBe('0');
    expect(perTokenToPerMillion('0.000')).toBe('0');
    expect(perTokenToPerMillion('12')).toBe('12000000');
    expect(perTokenToPerMillion('0.075')).toBe('75000');
  });

  it('refuses what is not a plain non-negative decimal', () => {
    expect(perTokenToPerMillion('')).toBeUndefined();
    expect(perTokenToPerMillion('-1')).toBeUndefined();
    expect(perTokenToPerMillion('1e-6')).toBeUndefined();
    expect(perTokenToPerMillion('abc')).toBeUndefined();
  });
});

describe('perMillionToPerToken', () => {
  it('turns a typed price per 1M tokens back into the per-token string', () => {
    expect(perMillionToPerToken('2.5')).toBe('0.0000025');
    expect(perMillionToPerToken('15')).toBe('0.000015');
    expect(perMillionToPerToken('0.15')).toBe('0.00000015');
    expect(perMillionToPerToken('3000000')).toBe('3');
    expect(perMillionToPerToken('0')).toBe('0');
    expect(perMillionToPerToken('.5')).toBe('0.0000005');
  });
});
