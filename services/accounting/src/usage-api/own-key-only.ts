import { type AdminCaller, apiErrors } from '@switchyard/service-kit';

/** A member's query narrowed to its own key (another key's id is 403); others' unchanged. */
export function ownKeyOnly<Query extends { key_id?: string | undefined }>(
  principal: AdminCaller,
  query: Query,
): Query {
  if (principal.role !== 'member') return query;
  if (query.key_id !== undefined && query.key_id !== principal.keyId) {
    throw apiErrors.insufficientRole('A member key may read only its own usage.');
  }
  return { ...query, key_id: principal.keyId };
}
