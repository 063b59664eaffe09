/** Behaviour of the fake Gemini upstream, chosen by the model name in the URL. */
export type FakeGoogleScenario =
  | { readonly kind: 'normal' }
  | { readonly kind: 'error'; readonly status: number }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'slow-stream'; readonly delayMs: number }
  | { readonly kind: 'stall-headers' }
  | { readonly kind: 'stall-stream' }
  | { readonly kind: 'break-stream' }
  | { readonly kind: 'garbage' }
  | { readonly kind: 'safety' }
  | { readonly kind: 'blocked' };

const FIXED = [
  'stall-headers',
  'stall-stream',
  'break-stream',
  'garbage',
  'safety',
  'blocked',
] as const;

/**
 * Maps a model name to its scenario: `error-<4xx|5xx>`, `slow-<ms>`, `slow-stream-<ms>`,
 * `stall-headers`, `stall-stream`, `break-stream`, `garbage`, `safety`, `blocked`; any other
 * name (and an out-of-range status) is `normal`.
 */
export function parseFakeGoogleScenario(model: string): FakeGoogleScenario {
  const fixed = FIXED.find((name) => name === model);
  if (fixed !== undefined) return { kind: fixed };
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
