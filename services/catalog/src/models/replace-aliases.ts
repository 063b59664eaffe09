import type { Tables } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { Kysely } from 'kysely';

/**
 * Makes `aliases` the model's whole alias set, in the caller's transaction. An alias that names
 * another model, or is itself a model id, is a 400 on `aliases`.
 */
export async function replaceAliases(
  trx: Kysely<Tables>,
  modelId: string,
  aliases: readonly string[],
): Promise<void> {
  const unique = [...new Set(aliases)];
  if (unique.length > 0) {
    const taken = await trx
      .selectFrom('catalog.aliases')
      .select(['alias', 'model_id'])
      .where('alias', 'in', unique)
      .where('model_id', '<>', modelId)
      .executeTakeFirst();
    if (taken !== undefined) {
      throw apiErrors.invalidRequest(
        `Alias '${taken.alias}' already names model '${taken.model_id}'.`,
        'aliases',
      );
    }
    const model = await trx
      .selectFrom('catalog.models')
      .select('id')
      .where('id', 'in', unique)
      .executeTakeFirst();
    if (model !== undefined) {
      throw apiErrors.invalidRequest(`Alias '${model.id}' is a model id.`, 'aliases');
    }
  }
  await trx.deleteFrom('catalog.aliases').where('model_id', '=', modelId).execute();
  if (unique.length > 0) {
    await trx
      .insertInto('catalog.aliases')
      .values(unique.map((alias) => ({ alias, model_id: modelId })))
      .execute();
  }
}
