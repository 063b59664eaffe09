import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from '@opentelemetry/api';
import { type BuiltRequest, ProviderError, type UpstreamTarget } from '@switchyard/providers';
import { ApiError, apiErrors } from '@switchyard/service-kit';
import {
  type Credential,
  type CredentialPool,
  isCredential,
  type NoCredential,
} from '../catalog/credential-pool.js';
import { upstreamErrorToApiError } from '../errors/to-api-error.js';
import type { Executor, UpstreamResponse } from '../upstream/create-executor.js';
import { readBody } from '../upstream/read-body.js';
import type { RequestDeadline } from '../upstream/request-deadline.js';
import { UpstreamFailure } from '../upstream/upstream-failure.js';
import type { CircuitBreakers } from './circuit-breaker.js';
import type { Candidate } from './plan-candidates.js';
import type { RoutingMetrics } from './routing-metrics.js';
import type { RoutingPolicy } from './routing-policy.js';

/** Largest upstream error body read to type the error. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface RoutedCall {
  response: UpstreamResponse;
  candidate: Candidate;
  credential: Credential;
  target: UpstreamTarget;
  warnings: readonly string[];
  /** Upstream calls made, this one included. */
  attempts: number;
}

export interface CallWithFallbackOptions {
  candidates: readonly Candidate[];
  build: (candidate: Candidate, target: UpstreamTarget) => BuiltRequest;
  executor: Executor;
  breakers: CircuitBreakers;
  policy: RoutingPolicy;
  /** The request's deadline (aborted too when the client leaves), shared by all attempts. */
  deadline: RequestDeadline;
  clientClosed: () => boolean;
  parentContext: Context;
  /** Tokens the call is expected to use, counted against credential TPM limits. */
  estimatedTokens: number;
  now: () => number;
  random: () => number;
  metrics: RoutingMetrics;
  /** Told of every upstream call as it is made (`attempts` counts it), so a failure is attributed. */
  onAttempt?: (candidate: Candidate, credential: Credential, attempts: number) => void;
}

/**
 * Sends the request to the first candidate that answers: a 429 moves to the next credential of
 * the same route (cooling the limited one down for its `retry-after`), a refused credential to
 * the next credential, a 5xx, 529, timeout or connect failure to the next route or fallback model
 * (and counts against that route's circuit), a 404 (the model is not there) to the next route.
 * Retries back off with full jitter and stop at the request's deadline or `policy.maxAttempts`.
 * Nothing is retried once a response is returned: the caller streams it, so bytes may reach the
 * client from then on.
 *
 * A reused keep-alive connection reset before any byte of the response is tried again once, at
 * once, on a fresh connection to the same route (the upstream most likely closed it as idle while
 * the request was on its way; Go's `http.Transport` retries the same race). The upstream may have
 * read that request, so this replay happens at most once per request and never on a fresh
 * connection's reset: that is the upstream failing, and the route fallback above applies.
 */
export async function callWithFallback(options: CallWithFallbackOptions): Promise<RoutedCall> {
  const { candidates, policy } = options;
  const excluded = new Map<string, Set<string>>();
  let attempts = 0;
  let index = 0;
  let lastError: ApiError | undefined;
  /** The one retry after a reset on a reused connection: `next` while pending, `used` after. */
  let freshConnection: 'unused' | 'next' | 'used' = 'unused';
  while (index < candidates.length && attempts < policy.maxAttempts) {
    const candidate = candidates[index];
    if (!candidate) break;
    const { route } = candidate;
    const skip = excludedFor(excluded, route.provider.name);
    const credential = route.provider.pool.acquire(
      route.upstreamModel,
      options.estimatedTokens,
      skip,
    );
    if (!isCredential(credential)) {
      lastError = noCredentialError(route.provider.name, credential) ?? lastError;
      index += 1;
      continue;
    }
    if (!options.breakers.allows(route.key)) {
      route.provider.pool.release(credential.id, options.estimatedTokens);
      lastError ??= apiErrors.noAvailableProvider(`${route.key} is failing; its circuit is open.`);
      index += 1;
      continue;
    }
    // A reset keep-alive connection says nothing of the upstream's load: no backoff before its retry.
    if (attempts > 0 && freshConnection !== 'next') await backoff(options, attempts);
    if (options.deadline.aborted) {
      route.provider.pool.release(credential.id, options.estimatedTokens);
      options.breakers.release(route.key);
      break;
    }
    attempts += 1;
    options.onAttempt?.(candidate, credential, attempts);
    const fresh = freshConnection === 'next';
    if (fresh) freshConnection = 'used';
    const progress: AttemptProgress = { sent: false };
    const result = await attempt(options, candidate, credential, progress, {
      freshConnection: fresh,
      mayRetryFresh: freshConnection === 'unused',
    })
      .catch((error: unknown) => {
        handBack(route.provider.pool, credential, options.estimatedTokens, progress);
        throw error;
      })
      .finally(() =>
        // A trial call that ended without a verdict on the route must not block the next one.
        options.breakers.release(route.key),
      );
    options.metrics.attempt(route.provider.name, result.ok ? 'ok' : result.error.type);
    if (result.ok) {
      options.breakers.succeeded(route.key);
      const { response, target, warnings } = result.call;
      // Not `{ ...result.call, … }`: see `createRouter` on spreads and hidden classes.
      return { response, target, warnings, candidate, credential, attempts };
    }
    const { error, next } = result;
    handBack(route.provider.pool, credential, options.estimatedTokens, progress);
    lastError = error;
    if (next === 'give_up') throw withAttempts(error, attempts);
    if (next === 'fresh_connection') freshConnection = 'next';
    else if (next === 'next_credential') skip.add(credential.id);
    else index += 1;
  }
  throw withAttempts(
    lastError ?? apiErrors.noAvailableProvider('No route could take the request.'),
    attempts,
  );
}

/** How far an attempt got: `sent` once the request was handed to the executor. */
interface AttemptProgress {
  sent: boolean;
}

/**
 * Hands back, once, what `acquire` counted for an attempt that failed: a request never sent
 * (it could not be built or signed) is undone whole, so it uses none of the credential's RPM or
 * daily quota; one that was sent stays counted, the upstream having seen it, but used no tokens.
 */
function handBack(
  pool: CredentialPool,
  credential: Credential,
  estimatedTokens: number,
  progress: AttemptProgress,
): void {
  if (progress.sent) pool.settle(credential.id, estimatedTokens, 0);
  else pool.release(credential.id, estimatedTokens);
}

type AttemptResult =
  | {
      ok: true;
      call: { response: UpstreamResponse; target: UpstreamTarget; warnings: readonly string[] };
    }
  | {
      ok: false;
      error: ApiError;
      next: 'fresh_connection' | 'next_credential' | 'next_route' | 'give_up';
    };

async function attempt(
  options: CallWithFallbackOptions,
  candidate: Candidate,
  credential: Credential,
  progress: AttemptProgress,
  connection: { freshConnection: boolean; mayRetryFresh: boolean },
): Promise<AttemptResult> {
  const { route } = candidate;
  const { provider } = route;
  const target: UpstreamTarget = {
    baseUrl: provider.baseUrl,
    upstreamModel: route.upstreamModel,
    apiKey: credential.key,
    extraHeaders: provider.headers,
  };
  const context = { provider: provider.name, secrets: [credential.key] };
  let built: BuiltRequest;
  try {
    built = options.build(candidate, target);
  } catch (error: unknown) {
    if (!(error instanceof ProviderError)) throw error;
    // This provider cannot carry the request; another route may.
    return { ok: false, error: upstreamErrorToApiError(error, context), next: 'next_route' };
  }
  if (provider.signer !== undefined) {
    const signed = await signRequest(options, candidate, credential, built);
    if (!signed.ok) return signed;
    built = signed.request;
    // The token the signer wrote is as secret as the key it came from.
    context.secrets.push(signed.request.headers.authorization?.replace(/^Bearer\s+/i, ''));
  }
  progress.sent = true;
  try {
    const response = await options.executor.send({
      request: built,
      provider: provider.name,
      upstreamModel: route.upstreamModel,
      operation: candidate.model.kind === 'embedding' ? 'embeddings' : 'chat',
      deadline: options.deadline,
      clientClosed: options.clientClosed,
      parentContext: options.parentContext,
      freshConnection: connection.freshConnection,
    });
    if (response.status < 300)
      return { ok: true, call: { response, target, warnings: built.warnings } };
    const text = await readBody(response.body, MAX_ERROR_BODY_BYTES).catch(() => '');
    const error = provider.adapter.parseError(
      response.status,
      text,
      response.headers,
      options.now(),
    );
    return {
      ok: false,
      error: upstreamErrorToApiError(error, context),
      next: onProviderError(options, candidate, credential, error),
    };
  } catch (error: unknown) {
    if (!(error instanceof UpstreamFailure)) throw error;
    const apiError = upstreamErrorToApiError(error, context);
    // The connection failed, not the route: its circuit is not charged for it.
    if (error.resetOnReusedConnection && connection.mayRetryFresh) {
      return { ok: false, error: apiError, next: 'fresh_connection' };
    }
    const next = error.retryable ? 'next_route' : 'give_up';
    if (error.retryable) options.breakers.failed(route.key);
    return { ok: false, error: apiError, next };
  }
}

/**
 * Lets the provider's signer authenticate the request (an OAuth token fetched or cached). A
 * credential the signer cannot use fails like a refused key; an unreachable token endpoint like
 * an unreachable upstream.
 */
async function signRequest(
  options: CallWithFallbackOptions,
  candidate: Candidate,
  credential: Credential,
  built: BuiltRequest,
): Promise<{ ok: true; request: BuiltRequest } | Extract<AttemptResult, { ok: false }>> {
  const { provider } = candidate.route;
  try {
    // The deadline itself: its AbortSignal is made only if the signer waits for a token.
    const signed = await provider.signer?.sign(built, credential.key, options.deadline);
    return { ok: true, request: { ...built, ...signed } };
  } catch (caught: unknown) {
    // A signer's own I/O failing unexpectedly (a token endpoint reset mid-body) is the route's
    // failure, not the request's: the next route may still serve.
    const error =
      caught instanceof ProviderError
        ? caught
        : new ProviderError(`${provider.name}: the request could not be authenticated.`, {
            kind: 'server_error',
            status: 502,
            code: 'upstream_auth_unavailable',
            retryable: true,
          });
    const context = { provider: provider.name, secrets: [credential.key] };
    const apiError = upstreamErrorToApiError(error, context);
    // The request ended while the token was fetched: nothing about the route or credential.
    if (options.deadline.aborted) return { ok: false, error: apiError, next: 'give_up' };
    return {
      ok: false,
      error: apiError,
      next: onProviderError(options, candidate, credential, error),
    };
  }
}

function onProviderError(
  options: CallWithFallbackOptions,
  candidate: Candidate,
  credential: Credential,
  error: ProviderError,
): 'next_credential' | 'next_route' | 'give_up' {
  const { pool } = candidate.route.provider;
  switch (error.kind) {
    case 'rate_limited': {
      const cooldown =
        error.retryAfterSeconds === undefined
          ? options.policy.defaultRateLimitCooldownMs
          : error.retryAfterSeconds * 1000;
      pool.coolDown(credential.id, candidate.route.upstreamModel, cooldown);
      return 'next_credential';
    }
    case 'authentication':
      // This key was refused; the pool's other keys may still work.
      pool.coolDown(credential.id, undefined, options.policy.refusedCredentialCooldownMs);
      return 'next_credential';
    case 'overloaded':
    case 'server_error':
      options.breakers.failed(candidate.route.key);
      return 'next_route';
    case 'malformed_response':
      return 'next_route';
    case 'not_found':
      // The upstream does not serve the model here (a cloud that lists a model the project has
      // not enabled, a deployment gone): the request itself is fine and no byte has reached the
      // caller, so the next route — another provider, OpenRouter — may serve it. Nothing the
      // gateway stores is sent upstream (a `previous_response_id` is resolved here), so a 404
      // is never about the caller's own state. The last route's 404 is still the answer. The
      // route's circuit is not charged: a 404 says nothing of its health.
      return 'next_route';
    default:
      return 'give_up';
  }
}

async function backoff(options: CallWithFallbackOptions, attempts: number): Promise<void> {
  const ceiling = Math.min(
    options.policy.backoffMaxMs,
    options.policy.backoffBaseMs * 2 ** (attempts - 1),
  );
  const delay = Math.floor(options.random() * ceiling);
  if (delay > 0) {
    await sleep(delay, undefined, { signal: options.deadline.signal }).catch(() => {});
  }
}

function excludedFor(excluded: Map<string, Set<string>>, provider: string): Set<string> {
  let set = excluded.get(provider);
  if (!set) {
    set = new Set();
    excluded.set(provider, set);
  }
  return set;
}

/** The error to report when a provider had no credential to offer, if it says more than the last one. */
function noCredentialError(provider: string, none: NoCredential): ApiError | undefined {
  if (none.reason === 'rate_limited') {
    const seconds = Math.max(1, Math.ceil((none.retryAfterMs ?? 1000) / 1000));
    return new ApiError(
      429,
      'rate_limit_error',
      'rate_limit_exceeded',
      `Every credential of ${provider} is rate-limited.`,
      {
        headers: { 'retry-after': String(seconds) },
      },
    );
  }
  if (none.reason === 'refused') {
    return new ApiError(
      502,
      'upstream_error',
      'upstream_auth_failed',
      `Every credential of ${provider} was refused by the provider.`,
    );
  }
  return undefined;
}

function withAttempts(error: ApiError, attempts: number): ApiError {
  return error.withHeaders({ 'x-switchyard-attempts': String(attempts) });
}
