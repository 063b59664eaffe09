import type { Tables } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuthenticateUsageReader } from '../admin/authenticate-admin.js';
import { parseAdminInput } from '../admin/parse-admin-input.js';
import { parseRequestIdParam } from '../admin/parse-request-id-param.js';
import { ownKeyOnly } from '../usage-api/own-key-only.js';
import { resolveTeamScope } from '../usage-api/resolve-team-scope.js';
import { findRequestLogEntry } from './find-request-log-entry.js';
import { listRequestLog } from './list-request-log.js';
import { requestLogQuerySchema } from './request-log-query.js';

/**
 * `/admin/v1/requests`: the request log, a search of the ledger (model, status, error text,
 * time, whether bodies were logged), and one request with its logged bodies. Visibility as in
 * the usage API: an admin sees every team, a team_admin its own, a member its own key's.
 */
export function registerRequestLogRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Tables>; authenticate: AuthenticateUsageReader },
): void {
  const { db } = deps;

  app.get('/admin/v1/requests', async (request) => {
    const principal = await deps.authenticate(request);
    const query = ownKeyOnly(principal, parseAdminInput(requestLogQuerySchema, request.query));
    return listRequestLog(db, query, resolveTeamScope(principal, query.team_id));
  });

  app.get('/admin/v1/requests/:request_id', async (request) => {
    const principal = await deps.authenticate(request);
    const requestId = parseRequestIdParam(request.params, 'request');
    const entry = await findRequestLogEntry(db, principal, requestId);
    if (entry === undefined) {
      throw apiErrors.notFound(`No request with id '${requestId}'.`);
    }
    return entry;
  });
}
