import { ApiError } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../auth/create-authenticator.js';
import type { ModelCatalog } from '../catalog/model-catalog.js';

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/**
 * `GET /admin/v1/gateway/credentials` (admin keys only): every upstream credential of this
 * gateway replica with its use this minute and today, its limits and the cooldowns running now
 * (after 429s, or refused by the provider). Never the secret. Per replica: pools are per process.
 */
export function registerCredentialState(
  app: FastifyInstance,
  deps: { authenticate: Authenticator; catalog: ModelCatalog },
): void {
  app.get('/admin/v1/gateway/credentials', async (request) => {
    const principal = await deps.authenticate(request.headers);
    if (principal.role !== 'admin') {
      throw new ApiError(
        403,
        'permission_error',
        'insufficient_role',
        'Only an admin key may read the gateway’s credential state.',
      );
    }
    const providers = new Map(
      deps.catalog
        .list()
        .flatMap((model) => model.routes.map((route) => route.provider))
        .map((provider) => [provider.name, provider]),
    );
    return {
      object: 'list',
      data: [...providers.values()].flatMap((provider) =>
        provider.pool.state().map((credential) => ({
          provider: provider.name,
          credential_id: credential.id,
          requests_this_minute: credential.requestsThisMinute,
          tokens_this_minute: credential.tokensThisMinute,
          requests_today: credential.requestsToday,
          limits: {
            rpm: credential.limits.rpm,
            tpm: credential.limits.tpm,
            daily_requests: credential.limits.dailyRequests,
          },
          refused_until: iso(credential.refusedUntil),
          cooling_down: credential.coolingDown.map((cooldown) => ({
            upstream_model: cooldown.upstreamModel,
            until: iso(cooldown.until),
          })),
        })),
      ),
    };
  });
}
