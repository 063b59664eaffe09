import type { UpstreamTarget } from '../provider-adapter.js';

/** The GA data-plane version used when the base URL names none. */
export const AZURE_DEFAULT_API_VERSION = '2024-10-21';

/**
 * The version the Responses API is called with on deployment-style base URLs when theirs
 * predates it (Responses arrived in `2025-03-01-preview`; the GA default does not serve it).
 */
export const AZURE_RESPONSES_API_VERSION = '2025-04-01-preview';

/** The first dated api-version that serves `/openai/responses`. */
const FIRST_RESPONSES_VERSION = '2025-03-01';

/** The Azure OpenAI operations Switchyard calls. */
export type AzureOperation = 'chat/completions' | 'embeddings' | 'responses';

/**
 * Where an Azure OpenAI call goes, chosen by the provider's base URL:
 * - `https://{resource}.openai.azure.com/openai/v1` (the v1 API): `{base}/{operation}`, the
 *   deployment travels as `model` in the body;
 * - any other (`https://{resource}.openai.azure.com`, optionally `?api-version=…`): deployment
 *   routing, `{base}/openai/deployments/{deployment}/{operation}?api-version=…`; except
 *   Responses, which Azure serves per resource (`{base}/openai/responses?api-version=…`, the
 *   deployment as `model`) and only from `2025-03-01-preview` on, so an older version (or a
 *   v1-API one, `preview`/`latest`) is replaced by {@link AZURE_RESPONSES_API_VERSION}.
 */
export function buildAzureUrl(target: UpstreamTarget, operation: AzureOperation): string {
  const url = new URL(target.baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/openai\/v1$/.test(path)) {
    url.pathname = `${path}/${operation}`;
    return url.toString();
  }
  const apiVersion = url.searchParams.get('api-version') ?? AZURE_DEFAULT_API_VERSION;
  const resourcePath = path.replace(/\/openai$/, '');
  url.search = '';
  if (operation === 'responses') {
    url.pathname = `${resourcePath}/openai/responses`;
    url.searchParams.set(
      'api-version',
      servesResponses(apiVersion) ? apiVersion : AZURE_RESPONSES_API_VERSION,
    );
    return url.toString();
  }
  const deployment = encodeURIComponent(target.upstreamModel);
  url.pathname = `${resourcePath}/openai/deployments/${deployment}/${operation}`;
  url.searchParams.set('api-version', apiVersion);
  return url.toString();
}

/**
 * Dated versions compare as strings. Undated ones (`preview`, `latest`) name versions of the v1
 * API only: the per-resource path refuses them, so they are replaced as an old one is.
 */
function servesResponses(apiVersion: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}/.test(apiVersion)) return false;
  return apiVersion.slice(0, 10) >= FIRST_RESPONSES_VERSION;
}
