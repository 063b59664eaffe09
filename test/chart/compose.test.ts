import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, repoPath } from './support/repo-paths.js';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  read_only?: boolean;
  tmpfs?: string[];
  cap_drop?: string[];
  ports?: string[];
  stop_grace_period?: string;
}

// Compose merges `<<: *anchor` keys, so the test reads the file the same way.
const compose = parse(readFileSync(repoPath('docker/compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const composeDirectory = repoPath('docker');

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (found === undefined) throw new Error(`docker/compose.yaml has no service ${name}`);
  return found;
}

/** What each service's config.ts refuses to start without. */
const REQUIRED_ENVIRONMENT = {
  gateway: [
    'SWITCHYARD_MASTER_KEY',
    'SWITCHYARD_KEY_PEPPER',
    'DATABASE_URL',
    'REDIS_URL',
    'NATS_URL',
  ],
  accounting: ['DATABASE_URL', 'SWITCHYARD_KEY_PEPPER', 'SWITCHYARD_MASTER_KEY'],
  catalog: [
    'DATABASE_URL',
    'REDIS_URL',
    'NATS_URL',
    'SWITCHYARD_MASTER_KEY',
    'SWITCHYARD_KEY_PEPPER',
    'SWITCHYARD_ENCRYPTION_KEY',
  ],
  console: ['SWITCHYARD_ADMIN_URL', 'SWITCHYARD_GATEWAY_URL'],
} as const;

const BUILT = ['migrate', ...Object.keys(REQUIRED_ENVIRONMENT)];

/** The services that read Postgres, so start only once it is migrated. */
const DATABASE_SERVICES = ['gateway', 'accounting', 'catalog'];

describe('docker/compose.yaml', () => {
  it('runs Postgres, Redis and NATS with JetStream, each with a health check', () => {
    for (const name of ['postgres', 'redis', 'nats']) {
      expect(service(name).healthcheck?.test.length, name).toBeGreaterThan(0);
    }
    expect(service('nats').command).toContain('-js');
  });

  it.each(BUILT)('builds %s from docker/Dockerfile with its own SERVICE', (name) => {
    const build = service(name).build;
    expect(build).toBeDefined();
    const context = resolve(composeDirectory, build?.context ?? '');
    expect(context).toBe(REPO_ROOT);
    expect(existsSync(resolve(context, build?.dockerfile ?? ''))).toBe(true);
    expect(resolve(context, build?.dockerfile ?? '')).toBe(repoPath('docker/Dockerfile'));
    expect(build?.args?.SERVICE).toBe(name);
  });

  it.each(BUILT)('runs %s with a read-only root, a tmpfs /tmp and no capabilities', (name) => {
    const { read_only, tmpfs, cap_drop } = service(name);
    expect(read_only).toBe(true);
    expect(tmpfs).toContain('/tmp');
    expect(cap_drop).toEqual(['ALL']);
  });

  it('migrates once Postgres is healthy, before any service starts', () => {
    expect(service('migrate').depends_on?.postgres?.condition).toBe('service_healthy');
    expect(service('migrate').environment?.DATABASE_URL).toMatch(
      /^postgres:\/\/.+@postgres:5432\//,
    );
    for (const name of DATABASE_SERVICES) {
      expect(service(name).depends_on?.migrate?.condition, name).toBe(
        'service_completed_successfully',
      );
    }
  });

  it.each(Object.entries(REQUIRED_ENVIRONMENT))(
    'gives %s every variable its config requires, and publishes its PORT with a health check',
    (name, required) => {
      const { environment = {}, ports = [], healthcheck } = service(name);
      for (const variable of required) {
        expect(environment[variable], `${name}: ${variable}`).toBeTruthy();
      }
      const port = environment.PORT;
      expect(port).toMatch(/^\d+$/);
      expect(ports).toContain(`127.0.0.1:${port}:${port}`);
      expect(healthcheck?.test.join(' ')).toContain(`127.0.0.1:${port}/readyz`);
    },
  );

  it('keeps the pepper at the 16 characters the services demand', () => {
    const pepper = service('accounting').environment?.SWITCHYARD_KEY_PEPPER ?? '';
    const fallback = /:-([^}]*)\}$/.exec(pepper)?.[1] ?? pepper;
    expect(fallback.length).toBeGreaterThanOrEqual(16);
  });

  it('gives the gateway longer to stop than its 30 s stream drain', () => {
    expect(Number.parseInt(service('gateway').stop_grace_period ?? '0', 10)).toBeGreaterThan(30);
  });

  it('gives the console the API origins of the other services and no secret or store', () => {
    const { environment = {}, depends_on = {} } = service('console');
    const origins = Object.fromEntries(
      ['accounting', 'catalog', 'gateway'].map((name) => [
        name,
        `http://${name}:${service(name).environment?.PORT}`,
      ]),
    );
    expect(environment.SWITCHYARD_ADMIN_URL).toBe(origins.accounting);
    expect(environment.SWITCHYARD_CATALOG_URL).toBe(origins.catalog);
    expect(environment.SWITCHYARD_GATEWAY_URL).toBe(origins.gateway);
    for (const variable of Object.keys(environment)) {
      expect(variable).not.toMatch(/KEY|PEPPER|DATABASE_URL|REDIS_URL|NATS_URL/);
    }
    for (const name of ['accounting', 'catalog', 'gateway']) {
      expect(depends_on[name]?.condition, name).toBe('service_healthy');
    }
  });
});
