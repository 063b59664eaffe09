import type { TestService } from './test-service.js';
import type { TestServiceDefinition } from './test-service-definition.js';
import { useTestService } from './use-test-service.js';

/** Postgres from `DATABASE_URL`, else a `postgres:16-alpine` container with database `test`. */
export const postgresService: TestServiceDefinition = {
  name: 'Postgres',
  envVar: 'DATABASE_URL',
  exampleUrl: 'postgres://postgres@127.0.0.1:5432/test',
  defaultPort: 5432,
  container: {
    image: 'postgres:16-alpine',
    port: 5432,
    environment: { POSTGRES_PASSWORD: 'postgres', POSTGRES_DB: 'test' },
    // The entrypoint starts Postgres once to initialise, then again for real.
    readyLog: { message: 'database system is ready to accept connections', times: 2 },
    url: (host, port) => `postgres://postgres:postgres@${host}:${port}/test`,
  },
};

/**
 * A Postgres for an integration test: `DATABASE_URL` if set and reachable, else testcontainers
 * `postgres:16-alpine` when a Docker engine answers, else an Error saying what to do.
 */
export function usePostgres(): Promise<TestService> {
  return useTestService(postgresService);
}
