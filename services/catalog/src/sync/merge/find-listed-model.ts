import type { ProviderListedModel } from '../source-model.js';

/**
 * The entry of a provider's list that serves `model` (the part of an OpenRouter id after the
 * provider): the exact name, else the same name up to punctuation and a date or `-latest`
 * suffix (`claude-3.5-sonnet` is listed as `claude-3-5-sonnet-20241022`); the newest wins.
 */
export function findListedModel(
  listed: readonly ProviderListedModel[],
  model: string,
): ProviderListedModel | undefined {
  const exact = listed.find((entry) => entry.upstreamModel === model);
  if (exact !== undefined) return exact;
  const wanted = modelKey(model);
  const matches = listed.filter((entry) => modelKey(entry.upstreamModel) === wanted);
  return matches.sort((first, second) =>
    second.upstreamModel.localeCompare(first.upstreamModel),
  )[0];
}

function modelKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^models\//, '')
    .replace(/[._:]/g, '-')
    .replace(/-(\d{8}|\d{4}-\d{2}-\d{2}|latest)$/, '');
}
