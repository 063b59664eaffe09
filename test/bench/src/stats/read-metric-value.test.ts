import { describe, expect, it } from 'vitest';
import { readMetricValue } from './read-metric-value.js';

const EXPOSITION = `# HELP nodejs_eventloop_lag_max_seconds The maximum recorded event loop delay.
# TYPE nodejs_eventloop_lag_max_seconds gauge
nodejs_eventloop_lag_max_seconds{service="gateway"} 0.023
nodejs_eventloop_lag_max_seconds_total 9
nodejs_eventloop_lag_min_seconds{service="gateway"} 0.001
process_resident_memory_bytes 123456
`;

describe('readMetricValue', () => {
  it('reads the named metric, with or without labels, and no metric that only starts alike', () => {
    expect(readMetricValue(EXPOSITION, 'nodejs_eventloop_lag_max_seconds')).toBe(0.023);
    expect(readMetricValue(EXPOSITION, 'process_resident_memory_bytes')).toBe(123456);
  });

  it('takes the largest over label sets, and undefined when absent', () => {
    expect(readMetricValue('m{a="1"} 2\nm{a="2"} 5\n', 'm')).toBe(5);
    expect(readMetricValue(EXPOSITION, 'nodejs_heap_size_total_bytes')).toBeUndefined();
  });
});
