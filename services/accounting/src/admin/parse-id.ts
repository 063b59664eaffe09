import { apiErrors } from '@switchyard/service-kit';
import { z } from 'zod';

const idSchema = z.uuid();

/**
 * A route's `:id` parameter; anything that is not a uuid cannot exist, so it is a 404 like an
 * unknown id.
 */
export function parseIdParam(params: unknown, what: string): string {
  const value =
    typeof params === 'object' && params !== null && 'id' in params ? params.id : undefined;
  const result = idSchema.safeParse(value);
  if (!result.success) throw apiErrors.notFound(`No ${what} with id '${String(value)}'.`);
  return result.data;
}
