import { createHmac, randomBytes } from 'node:crypto';
import { DEFAULT_ORGANIZATION_ID, type Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';

/** Limits and lists as the accounting tables store them. */
export interface SeedLimits {
  budget_usd?: string;
  budget_period?: 'day' | 'month' | 'total';
  rpm?: number;
  tpm?: number;
  max_concurrent?: number;
  model_allowlist?: string[];
}

/**
 * Writes teams and keys straight into accounting's tables, as the accounting service would, for
 * gateway tests that must not depend on that service. Secrets are hashed with `pepper`.
 */
export function seedKeys(db: Kysely<Tables>, pepper: string) {
  return {
    async team(limits: SeedLimits = {}): Promise<string> {
      const team = await db
        .insertInto('accounting.teams')
        .values({
          organization_id: DEFAULT_ORGANIZATION_ID,
          name: `team-${randomBytes(4).toString('hex')}`,
          ...limits,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return team.id;
    },
    async key(
      teamId: string,
      options: SeedLimits & {
        free_only?: boolean;
        per_model_limits?: Record<string, { rpm?: number; tpm?: number; max_concurrent?: number }>;
        expires_at?: Date;
        log_bodies?: boolean;
        /** A secret chosen beforehand (one already presented while it did not exist). */
        secret?: string;
      } = {},
    ): Promise<{ id: string; secret: string; hash: string }> {
      const { secret = newKeySecret(), ...columns } = options;
      const hash = createHmac('sha256', pepper).update(secret).digest();
      const key = await db
        .insertInto('accounting.api_keys')
        .values({
          team_id: teamId,
          name: `key-${randomBytes(4).toString('hex')}`,
          key_prefix: secret.slice(0, 10),
          key_hash: hash,
          ...columns,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: key.id, secret, hash: hash.toString('hex') };
    },
  };
}

/** A random secret shaped like the ones accounting issues. */
export function newKeySecret(): string {
  return `sk-sy-${randomBytes(32).toString('base64url')}`;
}
