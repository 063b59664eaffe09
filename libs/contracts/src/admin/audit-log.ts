import { z } from 'zod';
import { pageSchema } from './page-schema.js';
import { postgresTextSchema } from './postgres-text.js';
import { timestampSchema } from './timestamp-schemas.js';
import { fromNotAfterTo } from './usage-events-query.js';

/**
 * `GET /admin/v1/audit` (and the catalog's `/admin/v1/catalog/audit`) query: who, what, which
 * target and when; newest first, cursor pagination.
 */
export const auditQuerySchema = z
  .strictObject({
    /** The acting key's id, or an SSO subject. */
    actor: postgresTextSchema()
      .min(1)
      .max(256)
      .describe("The acting key's id, or an SSO subject.")
      .optional(),
    /** An exact action (`key.rotate`) or every action on a target type (`key.*`). */
    action: z
      .string()
      .regex(/^[a-z_]+\.(\*|[a-z_]+)$/, {
        error: "expected an action like 'key.rotate' or 'key.*'",
      })
      .describe('An exact action such as key.rotate, or key.* for every action on keys.')
      .optional(),
    target_type: z
      .string()
      .regex(/^[a-z_]{1,32}$/, { error: 'expected a target type such as key' })
      .optional(),
    target_id: postgresTextSchema().min(1).max(512).optional(),
    team_id: z.uuid().optional(),
    /** Changes at or after this time. */
    from: timestampSchema.optional(),
    /** Changes before this time. */
    to: timestampSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(300).optional(),
  })
  .refine(fromNotAfterTo, { error: 'must not be after to', path: ['from'] });

/** A parsed {@link auditQuerySchema}. */
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** One audit row as the admin API answers it. */
export const auditEntryJsonSchema = z.object({
  id: z.uuid(),
  object: z.literal('audit_entry'),
  occurred_at: z.string(),
  actor: z.object({
    key_id: z.string().nullable(),
    subject: z.string().nullable(),
    role: z.string(),
  }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  team_id: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  request_id: z.string(),
  source_ip: z.string().nullable(),
});

/** A parsed {@link auditEntryJsonSchema}. */
export type AuditEntryJson = z.infer<typeof auditEntryJsonSchema>;

/** A page of audit rows. */
export const auditPageSchema = pageSchema(auditEntryJsonSchema);
