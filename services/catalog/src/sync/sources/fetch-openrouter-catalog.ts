import { z } from 'zod';
import type { SourceModel } from '../source-model.js';
import { type FetchJsonOptions, fetchJson } from './fetch-json.js';
import { normalizeOpenRouterModel } from './normalize-openrouter-model.js';
import { SourceError } from './source-error.js';

const listSchema = z.looseObject({ data: z.array(z.unknown()) });

/** An entry of the list that was rejected, and why. */
export interface RejectedEntry {
  id: string;
  reason: string;
}

/** What an OpenRouter-format catalog gave: the valid models and the rejected entries. */
export interface OpenRouterCatalog {
  models: SourceModel[];
  rejected: RejectedEntry[];
}

/**
 * Reads an OpenRouter-format `GET …/api/v1/models` list. Entries are validated one by one; a list
 * with no valid entry at all is a {@link SourceError}, so a broken upstream never empties the
 * catalog.
 */
export async function fetchOpenRouterCatalog(
  url: string,
  options: FetchJsonOptions,
): Promise<OpenRouterCatalog> {
  const body = await fetchJson(url, 'openrouter catalog', options);
  const parsed = listSchema.safeParse(body);
  if (!parsed.success) throw new SourceError('openrouter catalog: the body has no data array');
  const models: SourceModel[] = [];
  const rejected: RejectedEntry[] = [];
  for (const entry of parsed.data.data) {
    const result = normalizeOpenRouterModel(entry);
    if (result.ok) models.push(result.model);
    else rejected.push({ id: result.id, reason: result.reason });
  }
  if (models.length === 0) {
    throw new SourceError(
      `openrouter catalog: no valid model among ${parsed.data.data.length} entries`,
    );
  }
  return { models, rejected };
}
