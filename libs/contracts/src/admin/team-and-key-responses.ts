import { z } from 'zod';
import { roleSchema } from './admin-schemas.js';
import { budgetAlertsJsonSchema } from './budget-alerts-schema.js';
import { pageSchema } from './page-schema.js';

const time = z.iso.datetime();
const nullableInteger = z.number().int().nullable();

/** A key's or team's rate limits as the admin API shows them; null is no limit. */
export const limitsJsonSchema = z.object({
  rpm: nullableInteger,
  tpm: nullableInteger,
  max_concurrent: nullableInteger,
});
export type LimitsJson = z.infer<typeof limitsJsonSchema>;

/** A budget as the admin API shows it (`"25"`, not `"25.000000000"`); null is none. */
export const budgetJsonSchema = z
  .object({
    limit_usd: z.string(),
    period: z.enum(['day', 'month', 'total']),
    alerts: budgetAlertsJsonSchema,
  })
  .nullable();
export type BudgetJson = z.infer<typeof budgetJsonSchema>;

/** A team as the admin API shows it. */
export const teamJsonSchema = z.object({
  id: z.uuid(),
  object: z.literal('team'),
  organization_id: z.string(),
  name: z.string(),
  limits: limitsJsonSchema,
  budget: budgetJsonSchema,
  model_allowlist: z.array(z.string()).nullable(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: time,
  updated_at: time,
});
export type TeamJson = z.infer<typeof teamJsonSchema>;

/** A key as the admin API shows it: never the hash, never the secret. */
export const keyJsonSchema = z.object({
  id: z.uuid(),
  object: z.literal('api_key'),
  team_id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  key_prefix: z.string(),
  limits: limitsJsonSchema,
  budget: budgetJsonSchema,
  model_allowlist: z.array(z.string()).nullable(),
  /** Limits per model id, on top of the key's own. */
  model_limits: z.record(z.string(), limitsJsonSchema.partial()).nullable(),
  log_bodies: z
    .boolean()
    .describe("Request and response bodies of this key's requests go to the request log."),
  metadata: z.record(z.string(), z.unknown()),
  expires_at: time.nullable(),
  revoked_at: time.nullable(),
  created_at: time,
  updated_at: time,
  last_used_at: time.nullable(),
});
export type KeyJson = z.infer<typeof keyJsonSchema>;

/** A key with its secret: only when it is created or rotated, never again. */
export const keyWithSecretJsonSchema = keyJsonSchema.extend({
  secret: z.string().regex(/^sk-sy-/),
});
export type KeyWithSecretJson = z.infer<typeof keyWithSecretJsonSchema>;

export const teamPageSchema = pageSchema(teamJsonSchema);
export const keyPageSchema = pageSchema(keyJsonSchema);

/** The answer to a DELETE. */
export const deletedJsonSchema = z.object({
  id: z.string(),
  object: z.string(),
  deleted: z.literal(true),
});
export type DeletedJson = z.infer<typeof deletedJsonSchema>;
