import { createHmac, randomBytes } from 'node:crypto';
import { type Database, DEFAULT_ORGANIZATION_ID } from '@switchyard/db';
import type { BenchLimits } from './bench-limits.js';

/**
 * Inserts a team and a member key into accounting's tables as the accounting service would (the
 * secret stored only as HMAC-SHA256 under `pepper`), with `limits` on the key, on the team and
 * on the key for `model`; resolves with the key's secret.
 */
export async function seedBenchKey(
  db: Database['db'],
  options: { pepper: string; model: string; limits: BenchLimits },
): Promise<string> {
  const { limits } = options;
  const team = await db
    .insertInto('accounting.teams')
    .values({ organization_id: DEFAULT_ORGANIZATION_ID, name: 'bench', ...limits })
    .returning('id')
    .executeTakeFirstOrThrow();
  const secret = `sk-sy-${randomBytes(32).toString('base64url')}`;
  await db
    .insertInto('accounting.api_keys')
    .values({
      team_id: team.id,
      name: 'bench',
      key_prefix: secret.slice(0, 10),
      key_hash: createHmac('sha256', options.pepper).update(secret).digest(),
      ...limits,
      per_model_limits: { [options.model]: { ...limits } },
    })
    .execute();
  return secret;
}
