import type { BenchLimits } from './bench-limits.js';

/** Whether the rate-limited gateway took part in a run (and on which stores), and if not, why. */
export type LimitedStatus =
  | {
      readonly available: true;
      /** The fresh accounting database, dropped at the end of the run. */
      readonly database: string;
      /** Postgres server and Redis, passwords hidden. */
      readonly postgres: string;
      readonly redis: string;
      /** Where the gateway publishes usage: the server, password hidden, and the run's namespace. */
      readonly nats: string;
      /** Set on the key, on its team, and on the key for the bench model. */
      readonly limits: BenchLimits;
    }
  | { readonly available: false; readonly reason: string };
