import type { Authenticator } from './auth/create-authenticator.js';
import type { ModelCatalog } from './catalog/model-catalog.js';
import type { Executor } from './executor/create-executor.js';
import type { UsageRecorder } from './usage/usage-recorder.js';

/** What the route handlers work with, built once in `buildGatewayApp`. */
export interface GatewayDeps {
  authenticate: Authenticator;
  catalog: ModelCatalog;
  executor: Executor;
  usage: UsageRecorder;
  /** Milliseconds since the epoch; injectable so tests can pin time. */
  now: () => number;
}
