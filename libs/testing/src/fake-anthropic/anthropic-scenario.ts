import {
  FAKE_FAILURE_NAMES,
  type FakeFailureName,
  type FakeScenario,
  parseFakeScenario,
} from '../fake-upstream/fake-scenario.js';

/** Scenarios only the Anthropic dialect knows. */
export type AnthropicScenarioName = 'cached' | 'cache-write' | 'overloaded-mid-stream';

/** Behaviour of the fake Anthropic upstream, chosen by the request's `model`. */
export type AnthropicScenario = FakeScenario<AnthropicScenarioName>;

const NAMES: readonly (FakeFailureName | AnthropicScenarioName)[] = [
  ...FAKE_FAILURE_NAMES,
  'cached',
  'cache-write',
  'overloaded-mid-stream',
];

/**
 * The core's scenarios (`error-<status>`, `error-leak`, `slow-<ms>`, `stall-headers`,
 * `stall-stream`, `slow-stream-<ms>`, `break-stream`, `garbage`) plus `cached` (reads half the
 * input from the cache), `cache-write` (writes half of it) and `overloaded-mid-stream`.
 */
export function parseAnthropicScenario(model: string): AnthropicScenario {
  return parseFakeScenario(model, NAMES);
}
