import type { RequestSample } from './request-sample.js';

/** When a load run stops: after a number of requests, or once its time is up. */
export type LoadLimit = { readonly requests: number } | { readonly durationMs: number };

/** What a load run produced: successful samples, failures grouped by description, wall time. */
export interface LoadOutcome {
  readonly samples: Extract<RequestSample, { ok: true }>[];
  readonly errors: Map<string, number>;
  readonly elapsedMs: number;
}

/**
 * Keeps `concurrency` requests in flight (closed loop: each worker sends its next request when
 * its previous one ended) until the limit is reached.
 */
export async function runLoad(options: {
  concurrency: number;
  limit: LoadLimit;
  send: () => Promise<RequestSample>;
}): Promise<LoadOutcome> {
  const { limit, send } = options;
  const samples: Extract<RequestSample, { ok: true }>[] = [];
  const errors = new Map<string, number>();
  let started = 0;
  const startedAt = performance.now();
  const deadline = 'durationMs' in limit ? startedAt + limit.durationMs : Number.POSITIVE_INFINITY;
  const mayStart = () =>
    'requests' in limit ? started < limit.requests : performance.now() < deadline;
  const worker = async () => {
    while (mayStart()) {
      started += 1;
      const sample = await send();
      if (sample.ok) samples.push(sample);
      else countError(errors, sample.error);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { samples, errors, elapsedMs: performance.now() - startedAt };
}

const MAX_ERROR_KINDS = 20;

// Bodies of failures may differ per request (ids); past a few kinds the rest are lumped together.
function countError(errors: Map<string, number>, error: string): void {
  const key = errors.has(error) || errors.size < MAX_ERROR_KINDS ? error : 'other errors';
  errors.set(key, (errors.get(key) ?? 0) + 1);
}
