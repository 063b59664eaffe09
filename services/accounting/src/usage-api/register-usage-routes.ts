import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { adminErrors } from '../admin/admin-errors.js';
import type { AdminRouteDeps } from '../admin/admin-route-deps.js';
import type { AuthenticateUsageReader } from '../admin/authenticate-admin.js';
import { parseAdminInput } from '../admin/parse-admin-input.js';
import { parseRequestIdParam } from '../admin/parse-request-id-param.js';
import { credentialUsageQuerySchema } from './credential-usage-query.js';
import { listUsageEvents } from './list-usage-events.js';
import { mayReadUsageEvent } from './may-read-usage-event.js';
import { ownKeyOnly } from './own-key-only.js';
import { resolveTeamScope } from './resolve-team-scope.js';
import { summarizeUsage } from './summarize-usage.js';
import { toUsageEventJson } from './to-usage-event-json.js';
import { usageEventsQuerySchema } from './usage-events-query.js';
import { usageSummaryQuerySchema } from './usage-summary-query.js';

/**
 * `/admin/v1/usage/…`: the usage ledger and its daily summaries. An admin sees every team; a
 * team_admin only its own (other teams' events are not found); a member only its own key's.
 * `/admin/v1/usage/credentials` (admin only): requests and errors per upstream credential.
 */
export function registerUsageRoutes(
  app: FastifyInstance,
  deps: Pick<AdminRouteDeps, 'db'> & { authenticate: AuthenticateUsageReader },
): void {
  const { db } = deps;

  app.get('/admin/v1/usage/events', async (request) => {
    const principal = await deps.authenticate(request);
    const query = ownKeyOnly(principal, parseAdminInput(usageEventsQuerySchema, request.query));
    return listUsageEvents(db, query, resolveTeamScope(principal, query.team_id));
  });

  app.get<{ Params: { request_id: string } }>(
    '/admin/v1/usage/events/:request_id',
    async (request) => {
      const principal = await deps.authenticate(request);
      const requestId = parseRequestIdParam(request.params, 'usage event');
      const row = await db
        .selectFrom('accounting.usage_events')
        .selectAll()
        .where('request_id', '=', requestId)
        .executeTakeFirst();
      if (row === undefined || !mayReadUsageEvent(principal, row)) {
        throw apiErrors.notFound(`No usage event with request id '${requestId}'.`);
      }
      return toUsageEventJson(row);
    },
  );

  app.get('/admin/v1/usage/credentials', async (request) => {
    const principal = await deps.authenticate(request);
    if (principal.role !== 'admin') {
      throw adminErrors.insufficientRole('Only an admin may read upstream credentials’ usage.');
    }
    const query = parseAdminInput(credentialUsageQuerySchema, request.query);
    const to = query.to ?? new Date().toISOString();
    const from = query.from ?? new Date(Date.parse(to) - 86_400_000).toISOString();
    const rows = await db
      .selectFrom('accounting.usage_events')
      .select([
        'provider',
        'credential_id',
        sql<string>`count(*)::text`.as('requests'),
        sql<string>`count(*) filter (where status >= 400)::text`.as('errors'),
        sql<string>`count(*) filter (where status = 429)::text`.as('rate_limited'),
        sql<Date>`max(finished_at)`.as('last_used_at'),
        sql<Date | null>`max(finished_at) filter (where status >= 400)`.as('last_error_at'),
      ])
      .where('credential_id', 'is not', null)
      .where('finished_at', '>=', new Date(from))
      .where('finished_at', '<', new Date(to))
      .groupBy(['provider', 'credential_id'])
      .orderBy('provider')
      .orderBy('credential_id')
      .limit(1_000)
      .execute();
    return {
      object: 'list',
      from,
      to,
      data: rows.map((row) => ({
        provider: row.provider,
        credential_id: row.credential_id,
        requests: Number(row.requests),
        errors: Number(row.errors),
        rate_limited: Number(row.rate_limited),
        last_used_at: new Date(row.last_used_at).toISOString(),
        last_error_at:
          row.last_error_at === null ? null : new Date(row.last_error_at).toISOString(),
      })),
    };
  });

  app.get('/admin/v1/usage/summary', async (request) => {
    const principal = await deps.authenticate(request);
    const query = ownKeyOnly(principal, parseAdminInput(usageSummaryQuerySchema, request.query));
    return summarizeUsage(db, query, resolveTeamScope(principal, query.team_id));
  });
}
