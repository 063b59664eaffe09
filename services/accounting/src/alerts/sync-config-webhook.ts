import type { Tables } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';
import type { AlertsConfig } from './alerts-config.js';

/** The id of the webhook configuration defines (`SWITCHYARD_ALERT_WEBHOOK_URL`). */
export const CONFIG_WEBHOOK_ID = '00000000-0000-4000-8000-00000000a1e7';

/**
 * Makes the global `config` webhook match configuration at start: created or updated (URL,
 * secret, format; enabled) when one is configured, disabled when not. Every replica does the same.
 */
export async function syncConfigWebhook(
  db: Kysely<Tables>,
  webhook: AlertsConfig['webhook'],
): Promise<void> {
  if (webhook === undefined) {
    await db
      .updateTable('accounting.alert_webhooks')
      .set({ enabled: false, updated_at: sql`now()` })
      .where('id', '=', CONFIG_WEBHOOK_ID)
      .where('enabled', '=', true)
      .execute();
    return;
  }
  const values = { url: webhook.url, secret: webhook.secret, format: webhook.format };
  await db
    .insertInto('accounting.alert_webhooks')
    .values({ id: CONFIG_WEBHOOK_ID, team_id: null, name: 'config', enabled: true, ...values })
    .onConflict((conflict) =>
      conflict
        .column('id')
        .doUpdateSet({ ...values, team_id: null, enabled: true, updated_at: sql`now()` }),
    )
    .execute();
}
