import {
  FAKE_FAILURE_NAMES,
  type FakeFailureName,
  type FakeScenario,
  parseFakeScenario,
} from '../fake-upstream/fake-scenario.js';

/** Scenarios only the Gemini dialect knows: a candidate stopped for safety, a blocked prompt. */
export type FakeGoogleScenarioName = 'safety' | 'blocked';

/** Behaviour of the fake Gemini upstream, chosen by the model name in the URL. */
export type FakeGoogleScenario = FakeScenario<FakeGoogleScenarioName>;

/** Gemini has no `error-leak`: its key travels in a header the fake never quotes. */
const NAMES: readonly (FakeFailureName | FakeGoogleScenarioName)[] = [
  ...FAKE_FAILURE_NAMES.filter((name) => name !== 'error-leak'),
  'safety',
  'blocked',
];

/**
 * Maps a model name to its scenario: `error-<4xx|5xx>`, `slow-<ms>`, `slow-stream-<ms>`,
 * `stall-headers`, `stall-stream`, `break-stream`, `garbage`, `safety`, `blocked`; any other
 * name (and an out-of-range status) is `normal`.
 */
export function parseFakeGoogleScenario(model: string): FakeGoogleScenario {
  return parseFakeScenario(model, NAMES);
}
