import { formatUsd, isPostgresText, parseUsd } from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Authenticator } from '../auth/create-authenticator.js';

const querySchema = z.looseObject({ id: z.string().min(1) });

/** Longest request id there is (the usage event's bound). */
const MAX_ID_CHARS = 128;

/**
 * `GET /v1/generation?id=<request id>` (OpenRouter's route), by the gateway's own request id
 * (`x-switchyard-request-id`; never the caller's reusable `x-request-id`): one request as the ledger recorded
 * it — model, provider, tokens, exact cost, latency, time to first token, status. Only the key
 * that made it, or an admin, may read it; usage lands a second or two after the response.
 */
export function registerGeneration(
  app: FastifyInstance,
  deps: { authenticate: Authenticator },
  database: Kysely<Tables> | Promise<Kysely<Tables>> | undefined,
): void {
  app.get('/v1/generation', async (request) => {
    const principal = await deps.authenticate(request.headers);
    const query = querySchema.safeParse(request.query ?? {});
    if (!query.success) throw apiErrors.invalidRequest('id is required: a request id.', 'id');
    const id = query.data.id;
    const notFound = () =>
      apiErrors.notFound(`No generation '${id}' for this key (usage is recorded within seconds).`);
    // An id no request can have (NUL, unpaired surrogate, too long) is not found, never a query
    // Postgres refuses.
    if (database === undefined || id.length > MAX_ID_CHARS || !isPostgresText(id)) {
      throw notFound();
    }
    const db = await database;
    const row = await db
      .selectFrom('accounting.usage_events')
      .selectAll()
      .where('request_id', '=', id)
      .$if(principal.role !== 'admin', (query) => query.where('key_id', '=', principal.keyId))
      .executeTakeFirst();
    if (row === undefined) throw notFound();
    return {
      data: {
        id: row.request_id,
        client_request_id: row.client_request_id,
        created_at: new Date(row.started_at).toISOString(),
        model: row.model,
        requested_model: row.requested_model,
        provider_name: row.provider === '' ? null : row.provider,
        upstream_model: row.upstream_model === '' ? null : row.upstream_model,
        streamed: row.stream,
        cancelled: Number(row.status) === 499,
        status: Number(row.status),
        error_code: row.error_code,
        error_message: row.error_message,
        tokens_prompt: Number(row.prompt_tokens),
        tokens_completion: Number(row.completion_tokens),
        native_tokens_cached: Number(row.cached_tokens),
        native_tokens_reasoning: Number(row.reasoning_tokens),
        // OpenRouter's number, and the exact decimal beside it.
        total_cost: row.cost_usd === null ? null : Number(row.cost_usd),
        total_cost_usd: row.cost_usd === null ? null : formatUsd(parseUsd(String(row.cost_usd))),
        usage_source: row.usage_source,
        cost_source: row.cost_source,
        latency: Number(row.latency_ms),
        time_to_first_token: row.ttft_ms === null ? null : Number(row.ttft_ms),
        attempts: Number(row.attempts),
        fallback_used: row.fallback_used,
        end_user: row.end_user,
        tags: row.tags,
      },
    };
  });
}
