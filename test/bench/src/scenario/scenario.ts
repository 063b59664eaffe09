/** One measured situation: the kind of request and how many are in flight at once. */
export interface Scenario {
  readonly kind: 'chat' | 'stream';
  readonly concurrency: number;
}

/** A scenario's short name in tables and progress lines: `chat c1`, `stream c16`. */
export function scenarioLabel(scenario: Scenario): string {
  return `${scenario.kind} c${scenario.concurrency}`;
}
