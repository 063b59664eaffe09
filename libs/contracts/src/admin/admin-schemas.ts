import { z } from 'zod';
import { budgetAlertsSchema } from './budget-alerts-schema.js';
import {
  isPostgresText,
  positiveIntegerColumnSchema,
  postgresTextSchema,
} from './postgres-text.js';
import { timestampSchema } from './timestamp-schemas.js';

/** Limits live in Postgres `integer` columns: validation refuses what they cannot hold. */
const positiveInt = positiveIntegerColumnSchema();

/** Rate limits of a key or team; null removes a limit, absent leaves it unchanged on update. */
export const limitsSchema = z.strictObject({
  rpm: positiveInt.nullable().optional(),
  tpm: positiveInt.nullable().optional(),
  max_concurrent: positiveInt.max(10_000).nullable().optional(),
});
export type Limits = z.infer<typeof limitsSchema>;

/**
 * A USD budget of a key or team: an exact decimal amount and what it covers (a UTC day, a UTC
 * month, or all time), and optionally its spend alerts (absent: the defaults). null removes the
 * budget.
 */
export const budgetSchema = z
  .strictObject({
    limit_usd: z
      .string()
      .regex(/^\d{1,11}(\.\d{1,9})?$/, { error: 'expected a decimal USD amount like "25.00"' }),
    period: z.enum(['day', 'month', 'total']),
    alerts: budgetAlertsSchema.optional(),
  })
  .nullable();
export type BudgetInput = z.infer<typeof budgetSchema>;

/**
 * Which models a key or team may use: exact ids (`openai/gpt-4o`), a provider wildcard
 * (`anthropic/*`), or `:free` (only free models). null means every model.
 */
export const modelAllowlistSchema = z
  .array(
    postgresTextSchema().regex(/^(:free|[^/\s]+\/\*|[^/\s]+\/\S+)$/, {
      error: "expected a model id, 'provider/*' or ':free'",
    }),
  )
  .max(500)
  .nullable();

/** Postgres text and jsonb cannot hold NUL: refused here as 400 rather than failing as 500. */
const nameSchema = postgresTextSchema().trim().min(1).max(100);
const metadataSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 8192, {
    error: 'metadata must be at most 8 KiB of JSON',
  })
  .refine(holdsOnlyPostgresText, {
    error: 'metadata must not contain NUL characters or unpaired surrogates',
  });

/** Whether every key and string in a JSON value is text jsonb accepts. */
function holdsOnlyPostgresText(value: unknown): boolean {
  let valid = true;
  JSON.stringify(value, (key: string, item: unknown) => {
    if (!isPostgresText(key) || (typeof item === 'string' && !isPostgresText(item))) valid = false;
    return item;
  });
  return valid;
}

/** Roles of PRODUCT.md: admin (everything), team_admin (own team), member (calls models only). */
export const roleSchema = z.enum(['admin', 'team_admin', 'member']);
export type KeyRole = z.infer<typeof roleSchema>;

export const createTeamSchema = z.strictObject({
  name: nameSchema,
  limits: limitsSchema.optional(),
  budget: budgetSchema.optional(),
  model_allowlist: modelAllowlistSchema.optional(),
  metadata: metadataSchema.optional(),
});
export type CreateTeam = z.infer<typeof createTeamSchema>;

export const updateTeamSchema = createTeamSchema.partial();
export type UpdateTeam = z.infer<typeof updateTeamSchema>;

export const createKeySchema = z.strictObject({
  name: nameSchema,
  team_id: z.uuid(),
  role: roleSchema.default('member'),
  expires_at: timestampSchema
    .refine((value) => Date.parse(value) > Date.now(), { error: 'must be in the future' })
    .nullable()
    .optional(),
  limits: limitsSchema.optional(),
  budget: budgetSchema.optional(),
  /** Limits per model id, on top of the key's own. */
  model_limits: z
    .record(postgresTextSchema().min(1).max(256), limitsSchema)
    .refine((value) => Object.keys(value).length <= 500, { error: 'at most 500 models' })
    .nullable()
    .optional(),
  model_allowlist: modelAllowlistSchema.optional(),
  metadata: metadataSchema.optional(),
  /** The key's request and response bodies go to the request log (capped, redacted). */
  log_bodies: z.boolean().default(false),
});
export type CreateKey = z.infer<typeof createKeySchema>;

/** A key update: every field optional, and no defaults (a PATCH never changes what it omits). */
export const updateKeySchema = createKeySchema
  .omit({ team_id: true, role: true, log_bodies: true })
  .partial()
  .extend({ role: roleSchema.optional(), log_bodies: z.boolean().optional() });
export type UpdateKey = z.infer<typeof updateKeySchema>;

/** Cursor pagination: `cursor` is the `next_cursor` of the previous page. */
export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  team_id: z.uuid().optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;
