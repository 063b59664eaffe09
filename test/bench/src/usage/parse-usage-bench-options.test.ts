import { describe, expect, it } from 'vitest';
import { parseUsageBenchOptions } from './parse-usage-bench-options.js';

describe('parseUsageBenchOptions', () => {
  it('defaults to 100,000 events, the service default batch and one larger', () => {
    expect(parseUsageBenchOptions([])).toMatchObject({
      events: 100_000,
      batchSizes: [500, 2_000],
      loops: 2,
      bodyShare: 0.1,
      bodyBytes: 8_192,
      publish: true,
      accounting: true,
    });
  });

  it('takes the flags it documents', () => {
    const options = parseUsageBenchOptions([
      '--events',
      '5000',
      '--batch-sizes',
      '100, 1000,1000',
      '--loops',
      '4',
      '--body-share',
      '0.5',
      '--no-publish',
    ]);
    expect(options).toMatchObject({
      events: 5_000,
      batchSizes: [100, 1_000],
      loops: 4,
      bodyShare: 0.5,
      publish: false,
    });
  });

  it('lists every bad flag at once', () => {
    const bad = () =>
      parseUsageBenchOptions(['--events', '0', '--batch-sizes', '5000', '--body-share', '2']);
    expect(bad).toThrow(/--events must be an integer ≥ 1/);
    expect(bad).toThrow(/5000 is over the consumer's cap of 2000/);
    expect(bad).toThrow(/--body-share must be between 0 and 1/);
    expect(() => parseUsageBenchOptions(['--nope'])).toThrow(/Usage: pnpm bench:usage/);
  });
});
