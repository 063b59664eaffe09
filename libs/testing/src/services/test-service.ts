/** A Redis, Postgres or NATS instance a test can use. */
export interface TestService {
  /** Connection URL, e.g. `redis://127.0.0.1:6379`. */
  readonly url: string;
  /** Stops the container; a no-op for a service provided through the environment. */
  stop(): Promise<void>;
}
