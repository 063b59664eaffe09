import { formatUsd, parseUsd } from '@switchyard/contracts';
import type { ModelLimits, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { Principal, PrincipalBudget, PrincipalLimits } from './principal.js';

/** Looks a key up by the HMAC of its secret; null when no live key has it. */
export type FindPrincipal = (keyHash: Buffer) => Promise<Principal | null>;

/**
 * Reads the key and its team from accounting's tables (read-only: the gateway never writes
 * them; standalone hands a promise while PGlite starts). Revoked keys and keys of deleted teams are not found; expiry is left to the caller,
 * who checks it on every use so a cached principal dies on time too.
 */
export function findPrincipalInDatabase(
  database: Kysely<Tables> | Promise<Kysely<Tables>>,
): FindPrincipal {
  return async (keyHash) => {
    const db = await database;
    const row = await db
      .selectFrom('accounting.api_keys as key')
      .innerJoin('accounting.teams as team', 'team.id', 'key.team_id')
      .select([
        'key.id as key_id',
        'key.name as key_name',
        'key.key_prefix as key_prefix',
        'key.role as role',
        'key.rpm as key_rpm',
        'key.tpm as key_tpm',
        'key.max_concurrent as key_max_concurrent',
        'key.model_allowlist as key_allowlist',
        'key.free_only as free_only',
        'key.per_model_limits as per_model_limits',
        'key.expires_at as expires_at',
        'key.log_bodies as log_bodies',
        'key.budget_usd as key_budget_usd',
        'key.budget_period as key_budget_period',
        'team.budget_usd as team_budget_usd',
        'team.budget_period as team_budget_period',
        'team.id as team_id',
        'team.name as team_name',
        'team.rpm as team_rpm',
        'team.tpm as team_tpm',
        'team.max_concurrent as team_max_concurrent',
        'team.model_allowlist as team_allowlist',
      ])
      .where('key.key_hash', '=', keyHash)
      .where('key.revoked_at', 'is', null)
      .where('team.deleted_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined) return null;
    return {
      keyId: row.key_id,
      keyName: row.key_name,
      keyPrefix: row.key_prefix,
      teamId: row.team_id,
      teamName: row.team_name,
      role: row.role,
      keyLimits: limitsOf(row.key_rpm, row.key_tpm, row.key_max_concurrent),
      teamLimits: limitsOf(row.team_rpm, row.team_tpm, row.team_max_concurrent),
      modelLimits: modelLimitsOf(row.per_model_limits),
      allowlists: [row.key_allowlist, row.team_allowlist].filter(
        (list): list is string[] => list !== null,
      ),
      freeOnly: row.free_only,
      budgets: [
        budgetOf('key', row.key_budget_usd, row.key_budget_period),
        budgetOf('team', row.team_budget_usd, row.team_budget_period),
      ].filter((budget): budget is PrincipalBudget => budget !== undefined),
      expiresAt: row.expires_at === null ? null : new Date(row.expires_at).getTime(),
      logBodies: row.log_bodies,
    };
  };
}

function limitsOf(
  rpm: number | null | undefined,
  tpm: number | null | undefined,
  maxConcurrent: number | null | undefined,
): PrincipalLimits {
  return {
    ...(typeof rpm === 'number' && { requestsPerMinute: rpm }),
    ...(typeof tpm === 'number' && { tokensPerMinute: tpm }),
    ...(typeof maxConcurrent === 'number' && { maxConcurrent }),
  };
}

function modelLimitsOf(
  stored: Record<string, ModelLimits> | null,
): Record<string, PrincipalLimits> {
  const limits: Record<string, PrincipalLimits> = {};
  for (const [model, value] of Object.entries(stored ?? {})) {
    limits[model] = limitsOf(value.rpm, value.tpm, value.max_concurrent);
  }
  return limits;
}

function budgetOf(
  scope: PrincipalBudget['scope'],
  limit: string | null,
  period: PrincipalBudget['period'] | null,
): PrincipalBudget | undefined {
  if (limit === null || period === null) return undefined;
  // `numeric` arrives as "25.000000000"; the decimal is exact either way.
  return { scope, limitUsd: formatUsd(parseUsd(String(limit))), period };
}
