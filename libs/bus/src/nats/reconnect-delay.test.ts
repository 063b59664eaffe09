import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnect-delay.js';

const bounds = { initialMs: 250, maxMs: 5_000 };

describe('reconnectDelay', () => {
  it('starts short and grows with the outage up to the maximum', () => {
    const middle = (): number => 0.5;
    expect(reconnectDelay(0, bounds, middle)).toBe(250);
    expect(reconnectDelay(2_000, bounds, middle)).toBe(1_000);
    expect(reconnectDelay(60_000, bounds, middle)).toBe(5_000);
  });

  it('jitters by at most a fifth', () => {
    expect(reconnectDelay(60_000, bounds, () => 0)).toBe(4_000);
    expect(reconnectDelay(60_000, bounds, () => 0.999_999)).toBe(6_000);
  });
});
