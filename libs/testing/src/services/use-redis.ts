import type { TestService } from './test-service.js';
import type { TestServiceDefinition } from './test-service-definition.js';
import { useTestService } from './use-test-service.js';

/** Redis from `REDIS_URL`, else a `redis:7-alpine` container. */
export const redisService: TestServiceDefinition = {
  name: 'Redis',
  envVar: 'REDIS_URL',
  exampleUrl: 'redis://127.0.0.1:6379',
  defaultPort: 6379,
  container: {
    image: 'redis:7-alpine',
    port: 6379,
    readyLog: { message: 'Ready to accept connections', times: 1 },
    url: (host, port) => `redis://${host}:${port}`,
  },
};

/**
 * A Redis for an integration test: `REDIS_URL` if set and reachable, else testcontainers
 * `redis:7-alpine` when a Docker engine answers, else an Error saying what to do.
 */
export function useRedis(): Promise<TestService> {
  return useTestService(redisService);
}
