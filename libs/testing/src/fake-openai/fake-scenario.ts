/** The USD the `reports-cost` scenario says each request cost (OpenRouter's `usage.cost`). */
export const FAKE_REPORTED_COST = 0.0004321;

/** Behaviour of the fake upstream, chosen by the request's `model`. */
export type FakeScenario =
  | { readonly kind: 'normal' }
  | { readonly kind: 'error'; readonly status: number }
  | { readonly kind: 'error-leak' }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'stall-headers' }
  | { readonly kind: 'stall-stream' }
  | { readonly kind: 'slow-stream'; readonly delayMs: number }
  | { readonly kind: 'break-stream' }
  | { readonly kind: 'garbage' }
  | { readonly kind: 'cached' }
  | { readonly kind: 'usage-in-last-choice' }
  | { readonly kind: 'no-usage' }
  | { readonly kind: 'reports-cost' };

const fixedScenarios: ReadonlyMap<string, FakeScenario> = new Map<string, FakeScenario>([
  ['error-leak', { kind: 'error-leak' }],
  ['stall-headers', { kind: 'stall-headers' }],
  ['stall-stream', { kind: 'stall-stream' }],
  ['break-stream', { kind: 'break-stream' }],
  ['garbage', { kind: 'garbage' }],
  ['cached', { kind: 'cached' }],
  ['usage-in-last-choice', { kind: 'usage-in-last-choice' }],
  ['no-usage', { kind: 'no-usage' }],
  ['reports-cost', { kind: 'reports-cost' }],
]);

/** Names of the scenarios that take no parameter (listed by `GET /v1/models`). */
export const fixedScenarioNames: readonly string[] = [...fixedScenarios.keys()];

/**
 * Maps a model name to its scenario: `error-<4xx|5xx>`, `error-leak`, `slow-<ms>`,
 * `stall-headers`, `stall-stream`, `slow-stream-<ms>`, `break-stream`, `garbage`, `cached`,
 * `usage-in-last-choice`, `no-usage` (a server that never reports usage, even when a stream asks),
 * `reports-cost` (OpenRouter-like: `usage.cost` = {@link FAKE_REPORTED_COST}); any other name (and
 * an out-of-range status) is `normal`.
 */
export function parseFakeScenario(model: string): FakeScenario {
  const fixed = fixedScenarios.get(model);
  if (fixed !== undefined) return fixed;
  const error = /^error-(\d{3})$/.exec(model);
  if (error?.[1] !== undefined) {
    const status = Number(error[1]);
    if (status >= 400 && status <= 599) return { kind: 'error', status };
  }
  const slow = /^slow-(\d+)$/.exec(model);
  if (slow?.[1] !== undefined) return { kind: 'slow', delayMs: Number(slow[1]) };
  const slowStream = /^slow-stream-(\d+)$/.exec(model);
  if (slowStream?.[1] !== undefined) return { kind: 'slow-stream', delayMs: Number(slowStream[1]) };
  return { kind: 'normal' };
}
