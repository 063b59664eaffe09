import {
  accountingIdParamSchema,
  alertDeliveriesQuerySchema,
  alertDeliveryPageSchema,
  alertWebhookJsonSchema,
  alertWebhookPageSchema,
  createAlertWebhookSchema,
  deletedJsonSchema,
  pageQuerySchema,
} from '@switchyard/contracts';
import { whereAfterCursor } from '@switchyard/db';
import { apiErrors, decodePageCursor, toPage } from '@switchyard/service-kit';
import { sql } from 'kysely';
import { adminErrors } from '../admin/admin-errors.js';
import type { AdminRouteDeps } from '../admin/admin-route-deps.js';
import { recordAudit } from '../audit/record-audit.js';
import { resolveTeamScope } from '../usage-api/resolve-team-scope.js';
import { refuseInternalWebhookUrl } from './refuse-internal-webhook-url.js';
import { toAlertDeliveryJson } from './to-alert-delivery-json.js';
import { toAlertWebhookJson } from './to-alert-webhook-json.js';

/**
 * `/admin/v1/alerts/…`: spend-alert webhooks (an admin manages every team's and the global ones,
 * a team_admin only their team's) and the delivery log (a team_admin reads their team's).
 */
export function registerAlertRoutes(deps: Pick<AdminRouteDeps, 'router' | 'db'>): void {
  const { db, router } = deps;

  router.route({
    method: 'POST',
    path: '/admin/v1/alerts/webhooks',
    summary: 'Add a spend-alert webhook (a team_admin: for their team only)',
    access: 'team_admin',
    body: createAlertWebhookSchema,
    response: { status: 201, description: 'The webhook.', schema: alertWebhookJsonSchema },
    handler: async ({ caller, request, body }) => {
      const teamId =
        caller.role === 'admin'
          ? (body.team_id ?? null)
          : (resolveTeamScope(caller, body.team_id) ?? null);
      if (caller.role !== 'admin') refuseInternalWebhookUrl(body.url);
      if (teamId !== null) {
        const team = await db
          .selectFrom('accounting.teams')
          .select('id')
          .where('id', '=', teamId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (team === undefined) throw apiErrors.notFound(`No team with id '${teamId}'.`);
      }
      const webhook = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('accounting.alert_webhooks')
          .values({
            team_id: teamId,
            name: body.name,
            url: body.url,
            secret: body.secret,
            format: body.format,
            enabled: body.enabled,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        // The webhook as the API shows it: no secret, the URL cut to its origin.
        await recordAudit(
          trx,
          { caller, request },
          {
            action: 'alert_webhook.create',
            targetId: created.id,
            teamId,
            before: null,
            after: toAlertWebhookJson(created),
          },
        );
        return created;
      });
      return toAlertWebhookJson(webhook);
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/alerts/webhooks',
    summary: "List spend-alert webhooks (a team_admin: their team's)",
    access: 'team_admin',
    query: pageQuerySchema,
    response: { status: 200, description: 'A page of webhooks.', schema: alertWebhookPageSchema },
    handler: async ({ caller, query }) => {
      const teamId = resolveTeamScope(caller, query.team_id);
      const cursor = query.cursor === undefined ? undefined : decodePageCursor(query.cursor);
      const rows = await db
        .selectFrom('accounting.alert_webhooks')
        .selectAll()
        .select(sql<string>`created_at::text`.as('cursor_created_at'))
        .$if(teamId !== undefined, (builder) => builder.where('team_id', '=', teamId ?? ''))
        .$call((builder) => whereAfterCursor(builder, cursor))
        .orderBy('created_at')
        .orderBy('id')
        .limit(query.limit + 1)
        .execute();
      return toPage(rows, query.limit, toAlertWebhookJson);
    },
  });

  router.route({
    method: 'DELETE',
    path: '/admin/v1/alerts/webhooks/{id}',
    summary: 'Remove a spend-alert webhook (its delivery log goes with it)',
    access: 'team_admin',
    pathParameter: {
      schema: accountingIdParamSchema,
      notFound: (id: string) => `No webhook with id '${id}'.`,
    },
    response: { status: 200, description: 'Deleted.', schema: deletedJsonSchema },
    handler: async ({ caller, request, param: id }) => {
      const webhook = await db
        .selectFrom('accounting.alert_webhooks')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (webhook === undefined) throw apiErrors.notFound(`No webhook with id '${id}'.`);
      if (
        caller.role !== 'admin' &&
        (webhook.team_id === null || webhook.team_id !== caller.teamId)
      ) {
        throw adminErrors.forbiddenTeam();
      }
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('accounting.alert_webhooks').where('id', '=', id).execute();
        await recordAudit(
          trx,
          { caller, request },
          {
            action: 'alert_webhook.delete',
            targetId: id,
            teamId: webhook.team_id,
            before: toAlertWebhookJson(webhook),
            after: null,
          },
        );
      });
      return { id, object: 'alert_webhook', deleted: true as const };
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/alerts/deliveries',
    summary: "The spend-alert delivery log, newest first (a team_admin: their team's)",
    access: 'team_admin',
    query: alertDeliveriesQuerySchema,
    response: {
      status: 200,
      description: 'A page of deliveries.',
      schema: alertDeliveryPageSchema,
    },
    handler: async ({ caller, query }) => {
      const teamId = resolveTeamScope(caller, query.team_id);
      const cursor = query.cursor === undefined ? undefined : decodePageCursor(query.cursor);
      const rows = await db
        .selectFrom('accounting.alert_deliveries as delivery')
        .innerJoin('accounting.budget_alerts as alert', 'alert.id', 'delivery.alert_id')
        .selectAll('delivery')
        .select([
          sql<string>`delivery.created_at::text`.as('cursor_created_at'),
          'alert.scope as alert_scope',
          'alert.owner_id as alert_owner_id',
          'alert.team_id as alert_team_id',
          'alert.period as alert_period',
          'alert.period_start as alert_period_start',
          'alert.kind as alert_kind',
          'alert.threshold as alert_threshold',
          'alert.limit_usd as alert_limit_usd',
          'alert.spent_usd as alert_spent_usd',
          'alert.projected_usd as alert_projected_usd',
          'alert.created_at as alert_created_at',
        ])
        .$if(teamId !== undefined, (builder) =>
          builder.where('delivery.team_id', '=', teamId ?? ''),
        )
        .$if(query.status !== undefined, (builder) =>
          builder.where('delivery.status', '=', query.status ?? 'pending'),
        )
        .$call((builder) =>
          whereAfterCursor(builder, cursor, {
            column: 'delivery.created_at',
            idColumn: 'delivery.id',
            order: 'desc',
          }),
        )
        .orderBy('delivery.created_at', 'desc')
        .orderBy('delivery.id', 'desc')
        .limit(query.limit + 1)
        .execute();
      return toPage(rows, query.limit, toAlertDeliveryJson);
    },
  });
}
