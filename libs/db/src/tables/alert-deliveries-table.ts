import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  Defaulted,
  DefaultedTimestamp,
  GeneratedId,
  NullableColumn,
  NullableTimestamp,
} from './column-types.js';

/** Where a delivery stands: not tried yet, failed and to be retried, done, or given up. */
export type AlertDeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed';

/** `accounting.alert_deliveries`: the delivery log, one row per alert and webhook. */
export interface AlertDeliveriesTable {
  id: GeneratedId;
  alert_id: string;
  webhook_id: string;
  /** The alert's team, so a team_admin reads only their team's deliveries. */
  team_id: string;
  status: Defaulted<AlertDeliveryStatus>;
  attempts: Defaulted<number>;
  /** The receiver's HTTP status at the last attempt; null when none answered. */
  last_status: NullableColumn<number>;
  last_error: NullableColumn<string>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  delivered_at: NullableTimestamp;
}

/** A delivery row as read. */
export type AlertDelivery = Selectable<AlertDeliveriesTable>;
/** A delivery row to insert. */
export type NewAlertDelivery = Insertable<AlertDeliveriesTable>;
/** Changes to a delivery row. */
export type AlertDeliveryUpdate = Updateable<AlertDeliveriesTable>;
