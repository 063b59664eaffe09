import {
  type ListedModel,
  type ModelListDialect,
  type ModelListTarget,
  ProviderError,
  type RequestSigner,
  type UpstreamRequest,
} from '@switchyard/providers';
import { type FetchJsonOptions, fetchJson } from './fetch-json.js';
import { SourceError } from './source-error.js';

/** Most pages followed, so a server that always has a next page cannot loop us forever. */
const MAX_PAGES = 50;

/** How the list is fetched: the HTTP options and, for providers whose credential signs, the signer. */
export interface ListProviderModelsOptions extends FetchJsonOptions {
  /** Signs each page's request with the target's key (SigV4, an OAuth token); undefined: sent as built. */
  signer: RequestSigner | undefined;
}

/**
 * Reads one provider's model list in its descriptor's dialect, following the pages until the
 * last one (or a cursor that does not move), each request signed when the provider's auth has a
 * signer. Throws a `SourceError` naming the provider, never the URL (Gemini's carries the key)
 * nor a credential, when the list cannot be read.
 */
export async function listProviderModels(
  dialect: ModelListDialect,
  target: ModelListTarget & { name: string },
  options: ListProviderModelsOptions,
): Promise<ListedModel[]> {
  const label = `${target.name} model list`;
  const models: ListedModel[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const request = await sign(dialect.buildRequest(target, cursor), target, options, label);
    const body = await fetchJson(request.url, label, { ...options, headers: request.headers });
    const parsed = dialect.parsePage(body, cursor, target);
    if (parsed === undefined) throw new SourceError(`${label}: unexpected body`);
    models.push(...parsed.models);
    if (cursor !== undefined) seen.add(cursor);
    if (parsed.nextCursor === undefined || seen.has(parsed.nextCursor)) return models;
    cursor = parsed.nextCursor;
  }
  return models;
}

async function sign(
  request: UpstreamRequest,
  target: ModelListTarget,
  options: ListProviderModelsOptions,
  label: string,
): Promise<UpstreamRequest> {
  if (options.signer === undefined) return request;
  try {
    return await options.signer.sign(request, target.apiKey, {
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error: unknown) {
    // A signer's message never quotes the credential; its code and message are still redacted
    // against the key, since the report and the log are read by more people than the key's owner.
    const reason =
      error instanceof ProviderError
        ? `${error.code ?? error.kind}: ${error.message}`
        : errorName(error);
    const safe =
      target.apiKey === undefined ? reason : reason.replaceAll(target.apiKey, '[redacted]');
    throw new SourceError(`${label}: the request could not be signed (${safe.slice(0, 300)})`);
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'error';
}
