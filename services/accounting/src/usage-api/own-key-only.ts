import { adminErrors } from '../admin/admin-errors.js';
import type { UsageReader } from '../admin/authenticate-admin.js';

/** A member's query narrowed to its own key (another key's id is 403); others' unchanged. */
export function ownKeyOnly<Query extends { key_id?: string | undefined }>(
  principal: UsageReader,
  query: Query,
): Query {
  if (principal.role !== 'member') return query;
  if (query.key_id !== undefined && query.key_id !== principal.keyId) {
    throw adminErrors.insufficientRole('A member key may read only its own usage.');
  }
  return { ...query, key_id: principal.keyId };
}
