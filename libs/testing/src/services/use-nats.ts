import type { TestService } from './test-service.js';
import type { TestServiceDefinition } from './test-service-definition.js';
import { useTestService } from './use-test-service.js';

/** NATS from `NATS_URL`, else a `nats:2` container with JetStream (`-js`). */
export const natsService: TestServiceDefinition = {
  name: 'NATS',
  envVar: 'NATS_URL',
  exampleUrl: 'nats://127.0.0.1:4222',
  defaultPort: 4222,
  container: {
    image: 'nats:2',
    port: 4222,
    command: ['-js'],
    readyLog: { message: 'Server is ready', times: 1 },
    url: (host, port) => `nats://${host}:${port}`,
  },
};

/**
 * A NATS server with JetStream for an integration test: `NATS_URL` if set and reachable, else
 * testcontainers `nats:2 -js` when a Docker engine answers, else an Error saying what to do.
 */
export function useNats(): Promise<TestService> {
  return useTestService(natsService);
}
