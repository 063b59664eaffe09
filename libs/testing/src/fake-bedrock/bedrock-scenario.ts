import {
  FAKE_FAILURE_NAMES,
  type FakeFailureName,
  type FakeScenario,
  parseFakeScenario,
} from '../fake-upstream/fake-scenario.js';

/** Scenarios only the Bedrock dialect knows. */
export type BedrockScenarioName = 'cached' | 'cache-write' | 'throttled-mid-stream';

/** Behaviour of the fake Bedrock, chosen by the model id in the path. */
export type BedrockScenario = FakeScenario<BedrockScenarioName>;

const NAMES: readonly (FakeFailureName | BedrockScenarioName)[] = [
  ...FAKE_FAILURE_NAMES,
  'cached',
  'cache-write',
  'throttled-mid-stream',
];

/**
 * The core's scenarios plus `cached` (half the input read from the cache), `cache-write` (half
 * written to it) and `throttled-mid-stream` (a `throttlingException` frame after the first text).
 */
export function parseBedrockScenario(model: string): BedrockScenario {
  return parseFakeScenario(model, NAMES);
}
