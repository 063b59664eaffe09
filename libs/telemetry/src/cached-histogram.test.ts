import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { CachedHistogram } from './cached-histogram.js';

const labelNames = ['route', 'status'] as const;
const buckets = [0.01, 0.1, 1];

function registries() {
  const expected = new Registry();
  const actual = new Registry();
  for (const registry of [expected, actual]) registry.setDefaultLabels({ service: 'test' });
  const reference = new Histogram({
    name: 'h',
    help: 'Help.',
    labelNames,
    buckets,
    registers: [expected],
  });
  const cached = new CachedHistogram({
    name: 'h',
    help: 'Help.',
    labelNames,
    buckets,
    registers: [actual],
  });
  return { expected, actual, reference, cached };
}

describe('CachedHistogram', () => {
  it('is exposed exactly as prom-client’s histogram given the same observations', async () => {
    const { expected, actual, reference, cached } = registries();
    const observations: [string, string, number][] = [
      ['/a', '200', 0.005],
      ['/a', '200', 0.1],
      ['/b', '500', 7],
      ['/a', '404', 0.3],
      ['/a', '200', 0.1000001],
      ['/b', '500', 0],
    ];
    for (const [route, status, value] of observations) {
      reference.observe({ route, status }, value);
      cached.labels(route, status).observe(value);
    }
    expect(await actual.metrics()).toBe(await expected.metrics());
    expect(await actual.metrics()).toContain(
      'h_bucket{le="0.1",service="test",route="/a",status="200"} 2',
    );
    expect(await actual.getMetricsAsJSON()).toEqual(await expected.getMetricsAsJSON());
  });

  it('accepts labels by name, refuses unknown labels and values that are not finite', () => {
    const { cached } = registries();
    expect(cached.labels({ route: '/a', status: '200' })).toBe(cached.labels('/a', '200'));
    expect(() => cached.labels({ route: '/a', method: 'GET' } as never)).toThrow(/method/);
    expect(() => cached.labels('/a')).toThrow(/2 label values/);
    expect(() => cached.labels('/a', '200').observe(Number.NaN)).toThrow(TypeError);
  });

  it('starts again from nothing when the registry is reset', async () => {
    const { actual, cached } = registries();
    const child = cached.labels('/a', '200');
    child.observe(0.5);
    actual.resetMetrics();
    expect(await actual.metrics()).not.toContain('h_count');
    cached.labels('/a', '200').observe(0.5);
    expect(await actual.metrics()).toContain('h_count{service="test",route="/a",status="200"} 1');
  });
});
