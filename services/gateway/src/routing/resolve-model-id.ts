import { apiErrors } from '@switchyard/service-kit';
import type { Model, ModelCatalog } from '../catalog/model-catalog.js';

/** A requested model id understood: the model, and the variant and pin it carried. */
export interface ResolvedModelId {
  model: Model;
  /** `:free`: only routes that cost nothing. */
  freeOnly: boolean;
  /** `@provider`: only that provider's route. */
  pin: string | undefined;
}

const FREE_SUFFIX = ':free';

/**
 * Resolves `provider/model`, `provider/model:free`, `provider/model@provider-name` and
 * `provider/model:free@provider-name`. An id configured as such always wins over this parsing
 * (a model may really be called `llama3.1:free`).
 */
export function resolveModelId(
  catalog: ModelCatalog,
  id: string,
  param = 'model',
): ResolvedModelId {
  const exact = catalog.find(id);
  if (exact) return { model: exact, freeOnly: false, pin: undefined };
  let base = id;
  let pin: string | undefined;
  const at = base.lastIndexOf('@');
  if (at > 0 && catalog.hasProvider(base.slice(at + 1))) {
    pin = base.slice(at + 1);
    base = base.slice(0, at);
  }
  let freeOnly = false;
  if (base.endsWith(FREE_SUFFIX) && !catalog.find(base)) {
    freeOnly = true;
    base = base.slice(0, -FREE_SUFFIX.length);
  }
  const model = catalog.find(base);
  if (!model) throw apiErrors.modelNotFound(id, param);
  return { model, freeOnly, pin };
}
