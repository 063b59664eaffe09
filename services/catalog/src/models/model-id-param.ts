import { isPostgresText } from '@switchyard/contracts';
import { apiErrors } from '@switchyard/service-kit';

/** The model id of a `/admin/v1/models/*` route (ids hold a `/`; `%2F` is accepted too). */
export function modelIdParam(params: unknown): string {
  const raw =
    typeof params === 'object' && params !== null && '*' in params ? String(params['*']) : '';
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    id = raw;
  }
  // An id no model can have (NUL, an unpaired surrogate) is not found, never a failed query.
  if (!/^[^/\s]+\/\S+$/.test(id) || !isPostgresText(id))
    throw apiErrors.notFound(`No model with id '${id}'.`);
  return id;
}
