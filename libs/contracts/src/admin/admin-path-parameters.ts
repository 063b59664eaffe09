import { z } from 'zod';
import { isPostgresText } from './postgres-text.js';

/** Any hex uuid shape, any case (the catalog's ids; no version or variant check). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{id}` of a team or key. */
export const accountingIdParamSchema = z.uuid();

/** `{request_id}`: what a gateway accepts or makes, and text Postgres can compare. */
export const requestIdParamSchema = z
  .string()
  .min(1)
  .max(128)
  .refine(isPostgresText, { error: 'not a request id' });

/** `{id}` of a credential. */
export const credentialIdParamSchema = z.string().regex(UUID);

/** `{id}` of a sync run, or `latest` for the newest. */
export const syncRunIdParamSchema = z.union([z.literal('latest'), z.string().regex(UUID)]);

/** `{name}` of a provider. */
export const providerNameParamSchema = z
  .string()
  .refine(isPostgresText, { error: 'not a provider name' });

/** `{id}` of a model, the rest of the path (`openai/gpt-4o`; `%2F` is accepted for the `/`). */
export const modelIdParamSchema = z
  .string()
  .transform(decodeModelId)
  .pipe(
    z
      .string()
      .regex(/^[^/\s]+\/\S+$/)
      .refine(isPostgresText, { error: 'not a model id' }),
  );

/** A model id as the path carries it, percent-decoded when it decodes. */
export function decodeModelId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
