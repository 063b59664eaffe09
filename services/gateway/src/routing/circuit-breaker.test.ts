import { describe, expect, it } from 'vitest';
import { createCircuitBreakers } from './circuit-breaker.js';

describe('createCircuitBreakers', () => {
  it('opens after the threshold, refuses during cooldown, then allows one trial', () => {
    let now = 0;
    const breakers = createCircuitBreakers({ threshold: 3, cooldownMs: 1000, now: () => now });
    for (let index = 0; index < 2; index++) breakers.failed('a');
    expect(breakers.allows('a')).toBe(true);
    breakers.failed('a');
    expect(breakers.state('a')).toBe('open');
    expect(breakers.allows('a')).toBe(false);
    expect(breakers.allows('b')).toBe(true);
    now = 1000;
    expect(breakers.allows('a')).toBe(true);
    expect(breakers.allows('a')).toBe(false); // only one trial at a time
    breakers.succeeded('a');
    expect(breakers.state('a')).toBe('closed');
    expect(breakers.allows('a')).toBe(true);
  });

  it('lets the next trial through when a trial ended without a verdict, or went stale', () => {
    let now = 0;
    const breakers = createCircuitBreakers({ threshold: 1, cooldownMs: 100, now: () => now });
    breakers.failed('a');
    now = 100;
    expect(breakers.allows('a')).toBe(true);
    expect(breakers.allows('a')).toBe(false);
    breakers.release('a'); // e.g. the trial got a 400: says nothing about the route
    expect(breakers.allows('a')).toBe(true);
    now = 250; // that trial never reported back
    expect(breakers.allows('a')).toBe(true);
  });

  it('reopens at once when the trial fails, and a success resets the count', () => {
    let now = 0;
    const breakers = createCircuitBreakers({ threshold: 2, cooldownMs: 100, now: () => now });
    breakers.failed('a');
    breakers.succeeded('a');
    breakers.failed('a');
    expect(breakers.state('a')).toBe('closed');
    breakers.failed('a');
    now = 100;
    expect(breakers.allows('a')).toBe(true);
    breakers.failed('a');
    expect(breakers.state('a')).toBe('open');
    now = 150;
    expect(breakers.allows('a')).toBe(false);
  });
});
