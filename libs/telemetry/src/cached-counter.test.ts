import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { CachedCounter } from './cached-counter.js';

const labelNames = ['model', 'direction'] as const;

function registries() {
  const expected = new Registry();
  const actual = new Registry();
  for (const registry of [expected, actual]) registry.setDefaultLabels({ service: 'test' });
  const reference = new Counter({
    name: 'c_total',
    help: 'Help.',
    labelNames,
    registers: [expected],
  });
  const cached = new CachedCounter({
    name: 'c_total',
    help: 'Help.',
    labelNames,
    registers: [actual],
  });
  return { expected, actual, reference, cached };
}

describe('CachedCounter', () => {
  it('is exposed exactly as prom-client’s counter given the same increments', async () => {
    const { expected, actual, reference, cached } = registries();
    const increments: [string, string, number | undefined][] = [
      ['m1', 'prompt', 12],
      ['m1', 'completion', 0],
      ['m2', 'prompt', undefined],
      ['m1', 'prompt', 0.1],
      ['m1', 'prompt', 0.2],
    ];
    for (const [model, direction, value] of increments) {
      reference.inc({ model, direction }, value);
      cached.labels(model, direction).inc(value);
    }
    expect(await actual.metrics()).toBe(await expected.metrics());
    expect(await actual.metrics()).toContain(
      'c_total{model="m2",direction="prompt",service="test"} 1',
    );
    expect(await actual.getMetricsAsJSON()).toEqual(await expected.getMetricsAsJSON());
  });

  it('refuses to decrease, and values that are not finite', () => {
    const { cached } = registries();
    expect(() => cached.labels('m', 'prompt').inc(-1)).toThrow(/decrease/);
    expect(() => cached.labels('m', 'prompt').inc(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });

  it('starts again from nothing when the registry is reset', async () => {
    const { actual, cached } = registries();
    cached.labels('m', 'prompt').inc(5);
    actual.resetMetrics();
    expect(await actual.metrics()).not.toContain('c_total{');
    cached.labels('m', 'prompt').inc(2);
    expect(await actual.metrics()).toContain(
      'c_total{model="m",direction="prompt",service="test"} 2',
    );
  });
});
