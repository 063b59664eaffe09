import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';

/** What an admin may change on a model, as its audit rows record it before and after a patch. */
export interface ModelAuditView {
  enabled: boolean;
  /** Name, context and price overrides (`pricing` holds the overridden prices). */
  overrides: unknown;
  aliases: string[];
}

/** The model's admin-changeable state, read in the patch's transaction. */
export async function loadModelAuditView(trx: Kysely<Tables>, id: string): Promise<ModelAuditView> {
  const model = await trx
    .selectFrom('catalog.models')
    .select(['enabled', 'overrides'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const aliases = await trx
    .selectFrom('catalog.aliases')
    .select('alias')
    .where('model_id', '=', id)
    .orderBy('alias')
    .execute();
  return {
    enabled: model.enabled,
    overrides: model.overrides,
    aliases: aliases.map((row) => row.alias),
  };
}
