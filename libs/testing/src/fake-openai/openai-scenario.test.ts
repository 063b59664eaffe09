import { describe, expect, it } from 'vitest';
import { parseOpenAiScenario } from './openai-scenario.js';

describe('parseOpenAiScenario', () => {
  it.each([
    ['error-429', { kind: 'error', status: 429 }],
    ['error-503', { kind: 'error', status: 503 }],
    ['error-leak', { kind: 'error-leak' }],
    ['slow-25', { kind: 'slow', delayMs: 25 }],
    ['slow-stream-10', { kind: 'slow-stream', delayMs: 10 }],
    ['stall-headers', { kind: 'stall-headers' }],
    ['stall-stream', { kind: 'stall-stream' }],
    ['break-stream', { kind: 'break-stream' }],
    ['garbage', { kind: 'garbage' }],
    ['cached', { kind: 'cached' }],
    ['usage-in-last-choice', { kind: 'usage-in-last-choice' }],
    ['no-usage', { kind: 'no-usage' }],
    ['reports-cost', { kind: 'reports-cost' }],
  ])('maps %s to its scenario', (model, scenario) => {
    expect(parseOpenAiScenario(model)).toEqual(scenario);
  });

  it.each(['gpt-4o-mini', 'error-200', 'error-abc', 'slow-', 'my-error-429'])(
    'treats %s as a normal model',
    (model) => {
      expect(parseOpenAiScenario(model)).toEqual({ kind: 'normal' });
    },
  );
});
