import { describe, expect, it, vi } from 'vitest';
import { natsService } from './use-nats.js';
import { postgresService } from './use-postgres.js';
import { redisService } from './use-redis.js';
import type { TestServiceDependencies } from './use-test-service.js';
import { useTestService } from './use-test-service.js';

function dependencies(overrides: Partial<TestServiceDependencies> = {}): TestServiceDependencies {
  return {
    environment: {},
    checkReachable: vi.fn(async () => ({ ok: true }) as const),
    findDocker: vi.fn(async () => undefined),
    startContainer: vi.fn(async () => {
      throw new Error('no container expected');
    }),
    ...overrides,
  };
}

describe('useTestService', () => {
  it('returns the URL from the environment once it is reachable, with a no-op stop', async () => {
    const checkReachable = vi.fn(async () => ({ ok: true }) as const);
    const service = await useTestService(
      redisService,
      dependencies({ environment: { REDIS_URL: 'redis://cache:6390/1' }, checkReachable }),
    );
    expect(service.url).toBe('redis://cache:6390/1');
    expect(checkReachable).toHaveBeenCalledWith({ host: 'cache', port: 6390 }, 2_000);
    await expect(service.stop()).resolves.toBeUndefined();
  });

  it('names the variable, the endpoint and the reason when the URL is unreachable, hiding the password', async () => {
    const attempt = useTestService(
      postgresService,
      dependencies({
        environment: { DATABASE_URL: 'postgres://app:hunter2@db/test' },
        checkReachable: async () => ({ ok: false, reason: 'ECONNREFUSED' }),
      }),
    );
    await expect(attempt).rejects.toThrow(
      'Postgres is needed for this test: DATABASE_URL is postgres://app:***@db/test but db:5432 is not reachable (ECONNREFUSED)',
    );
    await expect(attempt).rejects.not.toThrow('hunter2');
  });

  it('rejects an environment value that is not a URL', async () => {
    const attempt = useTestService(
      natsService,
      dependencies({ environment: { NATS_URL: 'localhost:4222' } }),
    );
    await expect(attempt).rejects.toThrow('NATS_URL is not a URL with a host');
  });

  it.each([
    [
      redisService,
      'Redis is needed for this test: set REDIS_URL (e.g. redis://127.0.0.1:6379) or start a Docker engine so testcontainers can run redis:7-alpine',
    ],
    [
      postgresService,
      'Postgres is needed for this test: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) or start a Docker engine so testcontainers can run postgres:16-alpine',
    ],
    [
      natsService,
      'NATS is needed for this test: set NATS_URL (e.g. nats://127.0.0.1:4222) or start a Docker engine so testcontainers can run nats:2',
    ],
  ])(
    'says what to do when neither the environment nor Docker provides %#',
    async (definition, message) => {
      await expect(useTestService(definition, dependencies())).rejects.toThrow(message);
    },
  );

  it('starts the container recipe when Docker answers', async () => {
    const stop = vi.fn(async () => {});
    const startContainer = vi.fn(async () => ({ url: 'nats://localhost:32768', stop }));
    const service = await useTestService(
      natsService,
      dependencies({ findDocker: async () => 'unix:///var/run/docker.sock', startContainer }),
    );
    expect(startContainer).toHaveBeenCalledWith(natsService.container);
    expect(natsService.container).toMatchObject({ image: 'nats:2', command: ['-js'], port: 4222 });
    expect(service.url).toBe('nats://localhost:32768');
    await service.stop();
    expect(stop).toHaveBeenCalledOnce();
  });

  it('explains a container that fails to start', async () => {
    const attempt = useTestService(
      redisService,
      dependencies({
        findDocker: async () => 'unix:///var/run/docker.sock',
        startContainer: async () => {
          throw new Error('pull access denied');
        },
      }),
    );
    await expect(attempt).rejects.toThrow(
      'Redis is needed for this test: testcontainers could not start redis:7-alpine (pull access denied); set REDIS_URL',
    );
  });
});

describe('container recipes', () => {
  it('build URLs from the mapped host and port', () => {
    expect(redisService.container.url('localhost', 1)).toBe('redis://localhost:1');
    expect(postgresService.container.url('localhost', 2)).toBe(
      'postgres://postgres:postgres@localhost:2/test',
    );
    expect(natsService.container.url('localhost', 3)).toBe('nats://localhost:3');
  });
});
