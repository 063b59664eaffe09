import type { CatalogModelV1 } from '@switchyard/contracts';

/** What changed between two catalog versions, by model id (lists capped at 100 ids). */
export interface CatalogDiff {
  added: string[];
  removed: string[];
  changed: string[];
  repriced: string[];
  counts: { added: number; removed: number; changed: number; repriced: number };
}

const SHOWN = 100;

/** Compares the models of two snapshots; `repriced` models are also `changed`. */
export function diffCatalogModels(
  previous: readonly CatalogModelV1[],
  next: readonly CatalogModelV1[],
): CatalogDiff {
  const before = new Map(previous.map((model) => [model.id, model]));
  const after = new Map(next.map((model) => [model.id, model]));
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed: string[] = [];
  const repriced: string[] = [];
  for (const [id, model] of after) {
    const old = before.get(id);
    if (old === undefined || JSON.stringify(old) === JSON.stringify(model)) continue;
    changed.push(id);
    const prices = (entry: CatalogModelV1) =>
      JSON.stringify(
        entry.routes.map((route) => [route.provider, route.upstream_model, route.pricing]),
      );
    if (prices(old) !== prices(model)) repriced.push(id);
  }
  return {
    added: added.slice(0, SHOWN),
    removed: removed.slice(0, SHOWN),
    changed: changed.slice(0, SHOWN),
    repriced: repriced.slice(0, SHOWN),
    counts: {
      added: added.length,
      removed: removed.length,
      changed: changed.length,
      repriced: repriced.length,
    },
  };
}
