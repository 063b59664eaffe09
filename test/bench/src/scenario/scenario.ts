/**
 * What a scenario sends: `chat` and `stream` go to every target through the OpenAI pass-through;
 * `stream-anthropic` sends Switchyard the same stream for a model it translates from Anthropic;
 * `messages-native` sends Switchyard an Anthropic Messages stream for that Anthropic model, as
 * Claude Code does (ingress and upstream speak the same protocol).
 */
export type ScenarioKind = 'chat' | 'stream' | 'stream-anthropic' | 'messages-native';

/** Every kind, in the order a run measures them. */
export const SCENARIO_KINDS: readonly ScenarioKind[] = [
  'chat',
  'stream',
  'stream-anthropic',
  'messages-native',
];

/** Kinds only direct and Switchyard are measured on (not the floor, the limited gateway or the peer). */
export function isAnthropicKind(kind: ScenarioKind): boolean {
  return kind === 'stream-anthropic' || kind === 'messages-native';
}

/** One measured situation: the kind of request and how many are in flight at once. */
export interface Scenario {
  readonly kind: ScenarioKind;
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
