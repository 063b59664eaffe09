import { describe, expect, it } from 'vitest';
import { maskSecret } from './mask-secret.js';

describe('maskSecret', () => {
  it('shows a prefix and the last four characters only', () => {
    expect(maskSecret('sk-proj-abcdefghijklmnop1234')).toBe('sk-…1234');
    expect(maskSecret('AIzaSyAbcdefghijklmnop9876')).toBe('…9876');
    expect(maskSecret('short')).toBe('…rt');
  });
});
