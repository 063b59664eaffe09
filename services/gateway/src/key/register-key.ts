import { formatNanoUsd } from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import { type RateLimiter, toRateLimitHeaders } from '@switchyard/limits';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { budgetsOf } from '../admission/budgets-of.js';
import type { BudgetChecks } from '../admission/create-budget-checks.js';
import { limitScopesOf } from '../admission/limit-scopes-of.js';
import type { Authenticator } from '../auth/create-authenticator.js';
import type { PrincipalLimits } from '../auth/principal.js';
import { type BudgetAlertJson, findBudgetAlerts } from './find-budget-alerts.js';

const limitsJson = (limits: PrincipalLimits) => ({
  rpm: limits.requestsPerMinute ?? null,
  tpm: limits.tokensPerMinute ?? null,
  max_concurrent: limits.maxConcurrent ?? null,
});

/**
 * `GET /v1/key`: the calling key as it is enforced right now — name, team, role, limits,
 * allowlists, expiry, each budget's spend, reservations and remainder, and the current state of
 * each rate limit (nothing is charged).
 */
export function registerKey(
  app: FastifyInstance,
  deps: {
    authenticate: Authenticator;
    limiter: RateLimiter;
    budgets: BudgetChecks;
    now: () => number;
    /** The ledger, for each budget's spend alerts this period; none without it. */
    database?: Kysely<Tables> | Promise<Kysely<Tables>> | undefined;
  },
): void {
  app.get('/v1/key', async (request, reply) => {
    const principal = await deps.authenticate(request.headers);
    const { partition, scopes } = limitScopesOf(principal, undefined);
    const modelScopes = Object.keys(principal.modelLimits).flatMap((model) =>
      limitScopesOf(principal, model).scopes.filter((scope) => scope.id.includes(':model:')),
    );
    const budgets = budgetsOf(principal, deps.now());
    const [states, budgetStates, alerts] = await Promise.all([
      deps.limiter.state(partition, [...scopes, ...modelScopes]),
      deps.budgets.state(partition, budgets),
      budgetAlertsOf(deps.database, partition, budgets, request.log),
    ]);
    reply.headers(toRateLimitHeaders(states.filter((state) => !state.scope.includes(':model:'))));
    return {
      data: {
        id: principal.keyId,
        name: principal.keyName,
        // OpenRouter's name for the same thing.
        label: principal.keyName,
        prefix: principal.keyPrefix,
        role: principal.role,
        team: principal.teamId === null ? null : { id: principal.teamId, name: principal.teamName },
        expires_at:
          principal.expiresAt === null ? null : new Date(principal.expiresAt).toISOString(),
        limits: {
          key: limitsJson(principal.keyLimits),
          team: limitsJson(principal.teamLimits),
          models: Object.fromEntries(
            Object.entries(principal.modelLimits).map(([model, limits]) => [
              model,
              limitsJson(limits),
            ]),
          ),
        },
        model_allowlists: principal.allowlists,
        free_only: principal.freeOnly,
        budgets: budgets.map((entry, index) => {
          const state = budgetStates[index];
          const spent = state?.spentNanos ?? 0n;
          const reserved = state?.reservedNanos ?? 0n;
          const remaining = entry.budget.limitNanos - spent - reserved;
          return {
            limit_source: entry.source,
            period: entry.period,
            limit_usd: formatNanoUsd(entry.budget.limitNanos),
            spent_usd: formatNanoUsd(spent),
            reserved_usd: formatNanoUsd(reserved),
            remaining_usd: formatNanoUsd(remaining > 0n ? remaining : 0n),
            resets_at: entry.resetsAt,
            alerts: alerts[index] ?? [],
          };
        }),
        rate_limit: states.map((state) => ({
          scope: state.scope,
          limit_requests: state.limitRequests ?? null,
          remaining_requests: state.remainingRequests ?? null,
          reset_requests_ms: state.resetRequestsMs ?? null,
          limit_tokens: state.limitTokens ?? null,
          remaining_tokens: state.remainingTokens ?? null,
          reset_tokens_ms: state.resetTokensMs ?? null,
          limit_concurrent: state.limitConcurrent ?? null,
          remaining_concurrent: state.remainingConcurrent ?? null,
        })),
      },
    };
  });
}

/** Each budget's alerts this period; none when there is no database or it did not answer. */
async function budgetAlertsOf(
  database: Kysely<Tables> | Promise<Kysely<Tables>> | undefined,
  teamId: string,
  budgets: Parameters<typeof findBudgetAlerts>[2],
  log: { warn: (object: object, message: string) => void },
): Promise<BudgetAlertJson[][]> {
  if (database === undefined || budgets.length === 0) return [];
  try {
    return await findBudgetAlerts(await database, teamId, budgets);
  } catch (error: unknown) {
    log.warn({ err: error }, 'budget alerts not read');
    return [];
  }
}
