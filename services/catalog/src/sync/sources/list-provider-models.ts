import type { ListedModel, ModelListDialect, ModelListTarget } from '@switchyard/providers';
import { type FetchJsonOptions, fetchJson } from './fetch-json.js';
import { SourceError } from './source-error.js';

/** Most pages followed, so a server that always has a next page cannot loop us forever. */
const MAX_PAGES = 50;

/**
 * Reads one provider's model list in its descriptor's dialect, following the pages until the
 * last one (or a cursor that does not move). Throws a `SourceError` naming the provider, never
 * the URL (Gemini's carries the key), when the list cannot be read.
 */
export async function listProviderModels(
  dialect: ModelListDialect,
  target: ModelListTarget & { name: string },
  options: FetchJsonOptions,
): Promise<ListedModel[]> {
  const label = `${target.name} model list`;
  const models: ListedModel[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const request = dialect.buildRequest(target, cursor);
    const body = await fetchJson(request.url, label, { ...options, headers: request.headers });
    const parsed = dialect.parsePage(body);
    if (parsed === undefined) throw new SourceError(`${label}: unexpected body`);
    models.push(...parsed.models);
    if (parsed.nextCursor === undefined || parsed.nextCursor === cursor) return models;
    cursor = parsed.nextCursor;
  }
  return models;
}
