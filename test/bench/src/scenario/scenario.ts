/**
 * What a scenario of a full bench run sends: `chat` and `stream` go to every target through the
 * OpenAI pass-through; `stream-anthropic` sends Switchyard the same stream for a model it
 * translates from Anthropic; `messages-native` sends Switchyard an Anthropic Messages stream for
 * that Anthropic model, as Claude Code does (ingress and upstream speak the same protocol).
 */
export type BenchScenarioKind = 'chat' | 'stream' | 'stream-anthropic' | 'messages-native';

/**
 * Every kind: the full bench's, and `responses-native`, an OpenAI Responses stream for a model
 * served by a `type: openai` provider, passed through as Codex's traffic is; measured by
 * `bench:ab` alone, so the full run's length and tables stay as they are.
 */
export type ScenarioKind = BenchScenarioKind | 'responses-native';

/** Every kind of a full bench run, in the order it measures them. */
export const SCENARIO_KINDS: readonly BenchScenarioKind[] = [
  'chat',
  'stream',
  'stream-anthropic',
  'messages-native',
];

/** Every kind `bench:ab --scenario` takes: the full run's, then those only it measures. */
export const AB_SCENARIO_KINDS: readonly ScenarioKind[] = [...SCENARIO_KINDS, 'responses-native'];

/** Kinds only direct and Switchyard are measured on (not the floor, the limited gateway or the peer). */
export function isAnthropicKind(kind: ScenarioKind): boolean {
  return kind === 'stream-anthropic' || kind === 'messages-native';
}

/** One measured situation: the kind of request and how many are in flight at once. */
export interface Scenario<Kind extends ScenarioKind = ScenarioKind> {
  readonly kind: Kind;
  readonly concurrency: number;
}

/** Whether a kind of scenario is streamed (and has a time to first token). */
export function isStreamed(kind: ScenarioKind): boolean {
  return kind !== 'chat';
}

/** A scenario's short name in tables and progress lines: `chat c1`, `stream-anthropic c16`. */
export function scenarioLabel(scenario: Scenario): string {
  return `${scenario.kind} c${scenario.concurrency}`;
}
