import { describe, expect, it } from 'vitest';
import { parseFakeGoogleScenario } from './google-scenario.js';

describe('parseFakeGoogleScenario', () => {
  it.each([
    ['gemini-2.5-flash', { kind: 'normal' }],
    ['error-429', { kind: 'error', status: 429 }],
    ['error-200', { kind: 'normal' }],
    ['slow-250', { kind: 'slow', delayMs: 250 }],
    ['slow-stream-20', { kind: 'slow-stream', delayMs: 20 }],
    ['stall-headers', { kind: 'stall-headers' }],
    ['stall-stream', { kind: 'stall-stream' }],
    ['break-stream', { kind: 'break-stream' }],
    ['garbage', { kind: 'garbage' }],
    ['safety', { kind: 'safety' }],
    ['blocked', { kind: 'blocked' }],
    ['error-leak', { kind: 'normal' }],
    ['cached', { kind: 'normal' }],
  ])('reads %s', (model, scenario) => {
    expect(parseFakeGoogleScenario(model)).toEqual(scenario);
  });
});
