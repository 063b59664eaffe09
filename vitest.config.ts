import { defineConfig } from 'vitest/config';

// Five projects: unit tests beside the code, integration tests (`*.int.test.ts`) that need real
// Redis/Postgres/NATS, the images' and Helm chart's tests, black-box e2e tests that start real
// processes, and fault tests that kill and restart those processes on private infrastructure.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'libs/*/src/**/*.test.ts',
            'services/*/src/**/*.test.ts',
            'test/bench/src/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['libs/*/src/**/*.int.test.ts', 'services/*/src/**/*.int.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'chart',
          include: ['test/chart/**/*.test.ts'],
          // Fetches a real helm once (deploy/helm/scripts/fetch-helm.sh) before the files run.
          globalSetup: ['test/chart/support/fetch-helm-once.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'fault',
          include: ['test/fault/**/*.test.ts'],
          // Each file starts its own Redis, Postgres, NATS, accounting and two gateways, then
          // injects faults for tens of seconds: one file at a time on a small machine.
          fileParallelism: false,
          testTimeout: 200_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
