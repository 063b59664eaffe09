import { Pool } from 'undici';
import type { BenchTarget } from '../load/bench-target.js';
import { buildTargetRequest } from '../load/build-target-request.js';
import { type LoadLimit, type LoadOutcome, runLoad } from '../load/run-load.js';
import { isStreamed, type Scenario } from './scenario.js';

/** A request that takes longer than this counts as failed, so a stuck gateway cannot stall the bench. */
const REQUEST_TIMEOUT_MS = 10_000;

/** Load of one scenario's requests on one target, over a pool that lives until `close`. */
export interface TargetLoad {
  run(limit: LoadLimit): Promise<LoadOutcome>;
  close(): Promise<void>;
}

/** Opens a keep-alive pool with one connection per concurrent request to the target. */
export function createTargetLoad(target: BenchTarget, scenario: Scenario): TargetLoad {
  const pool = new Pool(target.origin, {
    connections: scenario.concurrency,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });
  const headers = { 'content-type': 'application/json', ...target.headers };
  const { body, send } = buildTargetRequest(target, isStreamed(scenario.kind));
  return {
    run: (limit) =>
      runLoad({ concurrency: scenario.concurrency, limit, send: () => send(pool, headers, body) }),
    close: () => pool.close(),
  };
}
