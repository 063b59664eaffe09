import { type FakeScenario, parseFakeScenario } from '../fake-openai/fake-scenario.js';

/** Behaviour of the fake Anthropic upstream, chosen by the request's `model`. */
export type AnthropicScenario =
  | FakeScenario
  | { readonly kind: 'overloaded-mid-stream' }
  | { readonly kind: 'cache-write' };

const NORMAL: FakeScenario = { kind: 'normal' };

/**
 * The fake OpenAI's scenarios (`error-<status>`, `error-leak`, `slow-<ms>`, `stall-headers`,
 * `stall-stream`, `slow-stream-<ms>`, `break-stream`, `garbage`, `cached`) plus
 * `overloaded-mid-stream` and `cache-write`; `usage-in-last-choice` means nothing here.
 */
export function parseAnthropicScenario(model: string): AnthropicScenario {
  if (model === 'overloaded-mid-stream' || model === 'cache-write') return { kind: model };
  const scenario = parseFakeScenario(model);
  return scenario.kind === 'usage-in-last-choice' ? NORMAL : scenario;
}

/** The scenario as the shared fake helpers know it: ours behave normally there. */
export function sharedScenario(scenario: AnthropicScenario): FakeScenario {
  return scenario.kind === 'overloaded-mid-stream' || scenario.kind === 'cache-write'
    ? NORMAL
    : scenario;
}
