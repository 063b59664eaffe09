import type { Insertable, Selectable } from 'kysely';
import type { Defaulted, DefaultedTimestamp, GeneratedId, NullableColumn } from './column-types.js';

/** How an alert webhook's body is shaped: Switchyard's JSON, or Slack's `{"text": …}`. */
export type AlertWebhookFormat = 'json' | 'slack';

/**
 * `accounting.alert_webhooks`: where spend alerts are POSTed. A team's (its budgets' and its keys'
 * alerts) or, with no team, global (every alert). `secret` keys the HMAC signature.
 */
export interface AlertWebhooksTable {
  id: GeneratedId;
  /** null: a global webhook, told of every team's alerts. */
  team_id: NullableColumn<string>;
  name: string;
  url: string;
  secret: string;
  format: Defaulted<AlertWebhookFormat>;
  enabled: Defaulted<boolean>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/** An alert webhook row as read. */
export type AlertWebhook = Selectable<AlertWebhooksTable>;
/** An alert webhook row to insert. */
export type NewAlertWebhook = Insertable<AlertWebhooksTable>;
