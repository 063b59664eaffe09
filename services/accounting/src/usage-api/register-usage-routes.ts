import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { adminErrors } from '../admin/admin-errors.js';
import type { AdminRouteDeps } from '../admin/admin-route-deps.js';
import type { AuthenticateUsageReader, UsageReader } from '../admin/authenticate-admin.js';
import { parseAdminInput } from '../admin/parse-admin-input.js';
import { listUsageEvents } from './list-usage-events.js';
import { resolveTeamScope } from './resolve-team-scope.js';
import { summarizeUsage } from './summarize-usage.js';
import { toUsageEventJson } from './to-usage-event-json.js';
import { usageEventsQuerySchema } from './usage-events-query.js';
import { usageSummaryQuerySchema } from './usage-summary-query.js';

/**
 * `/admin/v1/usage/…`: the usage ledger and its daily summaries. An admin sees every team; a
 * team_admin only its own (other teams' events are not found); a member only its own key's.
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
      const requestId = request.params.request_id;
      const row = await db
        .selectFrom('accounting.usage_events')
        .selectAll()
        .where('request_id', '=', requestId)
        .executeTakeFirst();
      const visible =
        row !== undefined &&
        (principal.role === 'admin' ||
          (principal.role === 'member'
            ? row.key_id === principal.keyId
            : row.team_id === principal.teamId));
      if (!visible) throw apiErrors.notFound(`No usage event with request id '${requestId}'.`);
      return toUsageEventJson(row);
    },
  );

  app.get('/admin/v1/usage/summary', async (request) => {
    const principal = await deps.authenticate(request);
    const query = ownKeyOnly(principal, parseAdminInput(usageSummaryQuerySchema, request.query));
    return summarizeUsage(db, query, resolveTeamScope(principal, query.team_id));
  });
}

/** A member's query narrowed to its own key (another key's id is 403). */
function ownKeyOnly<Query extends { key_id?: string | undefined }>(
  principal: UsageReader,
  query: Query,
): Query {
  if (principal.role !== 'member') return query;
  if (query.key_id !== undefined && query.key_id !== principal.keyId) {
    throw adminErrors.insufficientRole('A member key may read only its own usage.');
  }
  return { ...query, key_id: principal.keyId };
}
