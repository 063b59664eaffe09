import type { UpdateKey } from '@switchyard/contracts';
import { adminErrors } from '../admin/admin-errors.js';

/** Fields a key may not change on itself: what an admin set to bound it. */
const OWN_KEY_LOCKED_FIELDS = [
  'limits',
  'model_limits',
  'model_allowlist',
  'budget',
  'expires_at',
  'role',
  'log_bodies',
] as const;

/**
 * Nobody edits their own key's limits (403 `own_key_limits`): an admin's limits on a key must
 * hold even when the key itself may use the admin API. Name and metadata stay editable.
 */
export function assertNoOwnLimitChange(body: UpdateKey): void {
  const field = OWN_KEY_LOCKED_FIELDS.find((name) => body[name] !== undefined);
  if (field !== undefined) throw adminErrors.ownKeyLimits(field);
}
