import type { Tables } from '@switchyard/db';
import type { AdminCaller } from '@switchyard/service-kit';
import { type Kysely, sql } from 'kysely';
import { mayReadUsageEvent } from '../usage-api/may-read-usage-event.js';
import { toRequestBodiesJson, toRequestLogEntryJson } from './to-request-log-json.js';

/** `GET /admin/v1/requests/{request_id}`'s body: the entry with its bodies (null if not logged). */
export type RequestLogEntryWithBodies = ReturnType<typeof toRequestLogEntryJson> & {
  bodies: ReturnType<typeof toRequestBodiesJson> | null;
};

/**
 * One request of the log with its bodies, or undefined when there is no such ledger row or the
 * caller may not see it (a team_admin sees its team's, a member its own key's).
 */
export async function findRequestLogEntry(
  db: Kysely<Tables>,
  principal: AdminCaller,
  requestId: string,
): Promise<RequestLogEntryWithBodies | undefined> {
  const row = await db
    .selectFrom('accounting.usage_events as event')
    .leftJoin('accounting.request_bodies as body', 'body.request_id', 'event.request_id')
    .selectAll('event')
    .select([
      sql<boolean>`body.request_id is not null`.as('has_bodies'),
      'body.request_body',
      'body.request_truncated',
      'body.response_body',
      'body.response_truncated',
    ])
    .where('event.request_id', '=', requestId)
    .executeTakeFirst();
  if (row === undefined || !mayReadUsageEvent(principal, row)) return undefined;
  const { request_body, request_truncated, response_body, response_truncated, ...event } = row;
  return {
    ...toRequestLogEntryJson(event),
    bodies:
      request_body === null
        ? null
        : toRequestBodiesJson({
            request_body,
            request_truncated: request_truncated ?? false,
            response_body,
            response_truncated: response_truncated ?? false,
          }),
  };
}
