import {
  requestIdParamSchema,
  requestLogDetailJsonSchema,
  requestLogPageSchema,
  requestLogQuerySchema,
} from '@switchyard/contracts';
import { apiErrors, wantsCsv } from '@switchyard/service-kit';
import type { AdminRouteDeps } from '../admin/admin-route-deps.js';
import { ownKeyOnly } from '../usage-api/own-key-only.js';
import { resolveTeamScope } from '../usage-api/resolve-team-scope.js';
import { findRequestLogEntry } from './find-request-log-entry.js';
import { listRequestLog } from './list-request-log.js';
import { streamRequestLogCsv } from './stream-request-log-csv.js';

/**
 * `/admin/v1/requests`: the request log, a search of the ledger (model, status, error text,
 * time, whether bodies were logged), and one request with its logged bodies. Visibility as in
 * the usage API: an admin sees every team, a team_admin its own, a member its own key's.
 */
export function registerRequestLogRoutes(deps: Pick<AdminRouteDeps, 'db' | 'router'>): void {
  const { db, router } = deps;

  router.route({
    method: 'GET',
    path: '/admin/v1/requests',
    summary:
      'Search the request log (the ledger) by model, status or class, error text, end user, tag, time and logged bodies, newest first; CSV with format=csv or Accept: text/csv',
    access: 'member',
    query: requestLogQuerySchema,
    response: { status: 200, description: 'A page of requests.', schema: requestLogPageSchema },
    handler: async ({ caller: principal, query: asked, request }) => {
      const query = ownKeyOnly(principal, asked);
      const teamId = resolveTeamScope(principal, query.team_id);
      if (wantsCsv(request, query.format)) return streamRequestLogCsv(db, query, teamId);
      return listRequestLog(db, query, teamId);
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/requests/{request_id}',
    summary: 'Get one request, with its request and response bodies when they were logged',
    access: 'member',
    pathParameter: {
      schema: requestIdParamSchema,
      notFound: (requestId: string) => `No request with request id '${requestId}'.`,
    },
    response: { status: 200, description: 'The request.', schema: requestLogDetailJsonSchema },
    handler: async ({ caller: principal, param: requestId }) => {
      const entry = await findRequestLogEntry(db, principal, requestId);
      if (entry === undefined) {
        throw apiErrors.notFound(`No request with id '${requestId}'.`);
      }
      return entry;
    },
  });
}
