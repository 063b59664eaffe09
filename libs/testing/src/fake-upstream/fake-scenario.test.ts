import { describe, expect, it } from 'vitest';
import { coreScenarioOf, parseFakeScenario } from './fake-scenario.js';

const names = ['stall-stream', 'garbage', 'cached'] as const;

describe('parseFakeScenario', () => {
  it.each([
    ['error-429', { kind: 'error', status: 429 }],
    ['error-599', { kind: 'error', status: 599 }],
    ['slow-25', { kind: 'slow', delayMs: 25 }],
    ['slow-stream-10', { kind: 'slow-stream', delayMs: 10 }],
    ['stall-stream', { kind: 'stall-stream' }],
    ['cached', { kind: 'cached' }],
  ])('maps %s to its scenario', (model, scenario) => {
    expect(parseFakeScenario(model, names)).toEqual(scenario);
  });

  it.each([
    'gpt-4o-mini',
    'break-stream',
    'error-200',
    'error-600',
    'error-abc',
    'slow-',
    'my-error-429',
  ])('treats %s, a name the dialect does not list or no scenario at all, as normal', (model) => {
    expect(parseFakeScenario(model, names)).toEqual({ kind: 'normal' });
  });
});

describe('coreScenarioOf', () => {
  it('keeps what the core acts on and makes a dialect’s own scenario normal', () => {
    expect(coreScenarioOf({ kind: 'slow', delayMs: 5 })).toEqual({ kind: 'slow', delayMs: 5 });
    expect(coreScenarioOf({ kind: 'garbage' })).toEqual({ kind: 'garbage' });
    expect(coreScenarioOf({ kind: 'cached' })).toEqual({ kind: 'normal' });
  });
});
