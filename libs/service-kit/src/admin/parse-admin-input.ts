import type { z } from 'zod';
import { apiErrors } from '../api-error.js';
import { parseBody } from '../parse-body.js';

/**
 * `parseBody`, except that an unknown field is named in `param` (zod reports it on the enclosing
 * object, so `parseBody` would give `param: null` for a top-level extra field).
 */
export function parseAdminInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (first?.code === 'unrecognized_keys') {
    const param = [...first.path.map(String), ...first.keys.slice(0, 1)].join('.');
    throw apiErrors.invalidRequest(
      `Invalid request: unknown field${first.keys.length > 1 ? 's' : ''} ${first.keys.map((key) => `'${key}'`).join(', ')}.`,
      param,
    );
  }
  return parseBody(schema, input);
}
