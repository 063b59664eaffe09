/** The scenarios the core acts on by name: they fail, stall or cut the exchange. */
export type FakeFailureName =
  | 'error-leak'
  | 'stall-headers'
  | 'stall-stream'
  | 'break-stream'
  | 'garbage';

/** What the core itself does with an exchange, chosen by the request's model name. */
export type CoreFakeScenario =
  | { readonly kind: 'normal' }
  | { readonly kind: 'error'; readonly status: number }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'slow-stream'; readonly delayMs: number }
  | { readonly kind: FakeFailureName };

/** A dialect's scenario: the core's, or one of the dialect's own names (`cached`, `safety`…). */
export type FakeScenario<TName extends string = never> =
  | CoreFakeScenario
  | { readonly kind: TName };

/** The core's failure scenarios, in the order the fake OpenAI lists them; dialects spread it. */
export const FAKE_FAILURE_NAMES: readonly FakeFailureName[] = [
  'error-leak',
  'stall-headers',
  'stall-stream',
  'break-stream',
  'garbage',
];

const NORMAL: CoreFakeScenario = { kind: 'normal' };
const FAILURE_NAMES: ReadonlySet<string> = new Set(FAKE_FAILURE_NAMES);
const CORE_KINDS: ReadonlySet<string> = new Set([
  ...FAILURE_NAMES,
  ...(['normal', 'error', 'slow', 'slow-stream'] satisfies CoreFakeScenario['kind'][]),
]);

/**
 * Maps a model name to its scenario: `error-<4xx|5xx>`, `slow-<ms>`, `slow-stream-<ms>`, or one
 * of `names` (the core's failures and the dialect's own, as the dialect supports them); any
 * other name, and an out-of-range status, is `normal`.
 */
export function parseFakeScenario<TName extends string>(
  model: string,
  names: readonly (FakeFailureName | TName)[],
): FakeScenario<TName> {
  const named = names.find((name) => name === model);
  // Split so each branch has one type: a core failure, or the dialect's own name.
  if (named !== undefined) return isFailureName(named) ? { kind: named } : { kind: named };
  const error = /^error-(\d{3})$/.exec(model);
  if (error?.[1] !== undefined) {
    const status = Number(error[1]);
    if (status >= 400 && status <= 599) return { kind: 'error', status };
  }
  const slow = /^slow-(\d+)$/.exec(model);
  if (slow?.[1] !== undefined) return { kind: 'slow', delayMs: Number(slow[1]) };
  const slowStream = /^slow-stream-(\d+)$/.exec(model);
  if (slowStream?.[1] !== undefined) return { kind: 'slow-stream', delayMs: Number(slowStream[1]) };
  return NORMAL;
}

/** The part of a dialect's scenario the core acts on: a dialect's own name is `normal` here. */
export function coreScenarioOf(scenario: FakeScenario<string>): CoreFakeScenario {
  return isCoreScenario(scenario) ? scenario : NORMAL;
}

function isFailureName(name: string): name is FakeFailureName {
  return FAILURE_NAMES.has(name);
}

function isCoreScenario(scenario: FakeScenario<string>): scenario is CoreFakeScenario {
  return CORE_KINDS.has(scenario.kind);
}
