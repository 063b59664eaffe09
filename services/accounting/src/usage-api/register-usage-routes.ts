import {
  credentialUsageListJsonSchema,
  credentialUsageQuerySchema,
  requestIdParamSchema,
  usageEventJsonSchema,
  usageEventPageSchema,
  usageEventsQuerySchema,
  usageSummaryJsonSchema,
  usageSummaryQuerySchema,
} from '@switchyard/contracts';
import { apiErrors, wantsCsv } from '@switchyard/service-kit';
import { type NotNull, sql } from 'kysely';
import type { AdminRouteDeps } from '../admin/admin-route-deps.js';
import { listUsageEvents } from './list-usage-events.js';
import { mayReadUsageEvent } from './may-read-usage-event.js';
import { ownKeyOnly } from './own-key-only.js';
import { resolveTeamScope } from './resolve-team-scope.js';
import { summarizeUsage } from './summarize-usage.js';
import { toUsageEventJson } from './to-usage-event-json.js';
import { toUsageSummaryCsv } from './to-usage-summary-csv.js';

/**
 * `/admin/v1/usage/…`: the usage ledger and its daily summaries. An admin sees every team; a
 * team_admin only its own (other teams' events are not found); a member only its own key's.
 * `/admin/v1/usage/credentials` (admin only): requests and errors per upstream credential.
 */
export function registerUsageRoutes(deps: Pick<AdminRouteDeps, 'db' | 'router'>): void {
  const { db, router } = deps;

  router.route({
    method: 'GET',
    path: '/admin/v1/usage/events',
    summary: 'List usage events (the ledger), newest first; a team_admin sees its own team only',
    access: 'member',
    query: usageEventsQuerySchema,
    response: { status: 200, description: 'A page of usage events.', schema: usageEventPageSchema },
    handler: async ({ caller: principal, query: asked }) => {
      const query = ownKeyOnly(principal, asked);
      return listUsageEvents(db, query, resolveTeamScope(principal, query.team_id));
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/usage/events/{request_id}',
    summary: 'Get the usage event of one request',
    access: 'member',
    pathParameter: {
      schema: requestIdParamSchema,
      notFound: (requestId: string) => `No usage event with request id '${requestId}'.`,
    },
    response: { status: 200, description: 'The usage event.', schema: usageEventJsonSchema },
    handler: async ({ caller: principal, param: requestId }) => {
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
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/usage/credentials',
    summary: 'Requests, errors and 429s per upstream credential over a time range (admin only)',
    access: 'admin',
    deniedMessage: 'Only an admin may read upstream credentials’ usage.',
    query: credentialUsageQuerySchema,
    response: {
      status: 200,
      description: 'One row per credential that served requests.',
      schema: credentialUsageListJsonSchema,
    },
    handler: async ({ query }) => {
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
        .$narrowType<{ credential_id: NotNull }>()
        .where('finished_at', '>=', new Date(from))
        .where('finished_at', '<', new Date(to))
        .groupBy(['provider', 'credential_id'])
        .orderBy('provider')
        .orderBy('credential_id')
        .limit(1_000)
        .execute();
      return {
        object: 'list' as const,
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
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/usage/summary',
    summary:
      'Usage totals grouped by day, team, key, model, provider, end user or tag; CSV with format=csv or Accept: text/csv',
    access: 'member',
    query: usageSummaryQuerySchema,
    response: { status: 200, description: 'The summary.', schema: usageSummaryJsonSchema },
    handler: async ({ caller: principal, query: asked, request }) => {
      const query = ownKeyOnly(principal, asked);
      const summary = await summarizeUsage(db, query, resolveTeamScope(principal, query.team_id));
      return wantsCsv(request, query.format) ? toUsageSummaryCsv(summary) : summary;
    },
  });
}
