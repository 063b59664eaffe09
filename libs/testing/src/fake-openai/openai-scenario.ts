import {
  FAKE_FAILURE_NAMES,
  type FakeFailureName,
  type FakeScenario,
  parseFakeScenario,
} from '../fake-upstream/fake-scenario.js';

/** The USD the `reports-cost` scenario says each request cost (OpenRouter's `usage.cost`). */
export const FAKE_REPORTED_COST = 0.0004321;

/** Scenarios only the OpenAI dialect knows. */
export type OpenAiScenarioName =
  | 'cached'
  | 'usage-in-last-choice'
  | 'no-usage'
  | 'reports-cost'
  | 'response-failed'
  | 'reasoning'
  | 'reasoning-content';

const OPENAI_NAMES: readonly OpenAiScenarioName[] = [
  'cached',
  'usage-in-last-choice',
  'no-usage',
  'reports-cost',
  'response-failed',
  'reasoning',
  'reasoning-content',
];

/** Behaviour of the fake OpenAI upstream, chosen by the request's `model`. */
export type OpenAiScenario = FakeScenario<OpenAiScenarioName>;

/** Names of the scenarios that take no parameter (listed by `GET /v1/models`). */
export const fixedScenarioNames: readonly (FakeFailureName | OpenAiScenarioName)[] = [
  ...FAKE_FAILURE_NAMES,
  ...OPENAI_NAMES,
];

/**
 * Maps a model name to its scenario: the core's (`error-<4xx|5xx>`, `error-leak`, `slow-<ms>`,
 * `stall-headers`, `stall-stream`, `slow-stream-<ms>`, `break-stream`, `garbage`) plus `cached`,
 * `usage-in-last-choice`, `no-usage` (a server that never reports usage, even when a stream
 * asks), `reports-cost` (OpenRouter-like: `usage.cost` = {@link FAKE_REPORTED_COST}) and
 * `response-failed` (`/v1/responses`: a Response that fails, `response.failed` in a stream);
 * `reasoning` (OpenRouter: `reasoning` and signed `reasoning_details`) and `reasoning-content`
 * (DeepSeek, vLLM: `reasoning_content`) answer chat requests that ask for reasoning with it.
 */
export function parseOpenAiScenario(model: string): OpenAiScenario {
  return parseFakeScenario(model, fixedScenarioNames);
}
