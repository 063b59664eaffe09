import { z } from 'zod';
import { timestampSchema } from './timestamp-schemas.js';

/** `from`/`to` of `GET /admin/v1/usage/credentials`: ISO times, the last 24 hours by default. */
export const credentialUsageQuerySchema = z.strictObject({
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
});
