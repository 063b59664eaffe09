import { ROOT_CONTEXT } from '@opentelemetry/api';
import { ProviderError, type RequestSigner } from '@switchyard/providers';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { type CredentialPool, createCredentialPool } from '../catalog/credential-pool.js';
import type { Executor } from '../upstream/create-executor.js';
import { RequestDeadline } from '../upstream/request-deadline.js';
import { callWithFallback } from './call-with-fallback.js';
import { createCircuitBreakers } from './circuit-breaker.js';
import type { Candidate } from './plan-candidates.js';
import { createRoutingMetrics } from './routing-metrics.js';
import { DEFAULT_ROUTING_POLICY } from './routing-policy.js';
import { testCatalog } from './test-catalog.js';

// What a credential's counters keep of attempts that fail before the executor sends them (the
// HTTP-level cases, with real signers and Redis-held key limits, are unsent-attempts.int.test.ts).
const NOW = 1_800_000_030_000;
const ESTIMATE = 40;

function candidateWith(signer: RequestSigner | undefined): {
  candidate: Candidate;
  pool: CredentialPool;
} {
  const model = testCatalog({ 'cloud/chat': { routes: ['cloud'] } }).find('cloud/chat');
  const route = model?.routes[0];
  if (model === undefined || route === undefined) throw new Error('the test catalog has the model');
  const pool = createCredentialPool({
    provider: 'cloud',
    credentials: [{ id: 'cloud:0', key: 'secret-0', rpm: 10, tpm: undefined, dailyRequests: 100 }],
    strategy: 'round_robin',
    now: () => NOW,
  });
  const provider = { ...route.provider, pool, signer };
  return { candidate: { model, route: { ...route, provider } }, pool };
}

/** An executor that must not be reached: every case here fails before sending. */
const unreachable: Executor = {
  send: () => Promise.reject(new Error('the executor was called')),
  close: async () => {},
};

const call = (candidate: Candidate, build: () => never | ReturnType<typeof builtRequest>) =>
  callWithFallback({
    candidates: [candidate],
    build,
    executor: unreachable,
    breakers: createCircuitBreakers({ threshold: 5, cooldownMs: 1_000, now: () => NOW }),
    policy: DEFAULT_ROUTING_POLICY,
    deadline: new RequestDeadline(),
    clientClosed: () => false,
    parentContext: ROOT_CONTEXT,
    estimatedTokens: ESTIMATE,
    now: () => NOW,
    random: () => 0,
    metrics: createRoutingMetrics(new Registry()),
  });

const builtRequest = () => ({
  url: 'http://cloud.test/v1/chat/completions',
  method: 'POST' as const,
  headers: {},
  body: '{}',
  warnings: [],
});

/** The pool's use this minute and today, after a call that sent nothing. */
const use = (pool: CredentialPool) => {
  const [state] = pool.state();
  return [state?.requestsThisMinute, state?.tokensThisMinute, state?.requestsToday];
};

describe('callWithFallback with an attempt that is never sent', () => {
  it('hands the credential back when building fails unexpectedly, and rethrows', async () => {
    const { candidate, pool } = candidateWith(undefined);
    await expect(
      call(candidate, () => {
        throw new TypeError('a bug in a converter');
      }),
    ).rejects.toThrow(TypeError);
    expect(use(pool)).toEqual([0, 0, 0]);
  });

  it('hands it back once when the route cannot carry the request', async () => {
    const { candidate, pool } = candidateWith(undefined);
    // Earlier calls' tokens this minute, which a second undo would eat into.
    pool.acquire('chat', 100, new Set());
    await expect(
      call(candidate, () => {
        throw ProviderError.unsupported('no such part here', 'messages');
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(use(pool)).toEqual([1, 100, 1]);
  });

  it('hands it back when the signer throws, and reports the refusal without the secret', async () => {
    const signer: RequestSigner = {
      sign: () =>
        Promise.reject(
          new ProviderError('cloud refused the credential: invalid_grant.', {
            kind: 'authentication',
            status: 401,
            code: 'token_request_failed',
            retryable: false,
          }),
        ),
    };
    const { candidate, pool } = candidateWith(signer);
    const failure = await call(candidate, builtRequest).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect(String((failure as Error).message)).toContain('invalid_grant');
    expect(String((failure as Error).message)).not.toContain('secret-0');
    expect(use(pool)).toEqual([0, 0, 0]);
    // Refused: out of rotation, as a key the provider refused is.
    expect(pool.state()[0]?.refusedUntil).not.toBeNull();
  });
});
