import type { UpstreamTarget } from '../provider-adapter.js';

/** The GA data-plane version used when the base URL names none. */
export const AZURE_DEFAULT_API_VERSION = '2024-10-21';

/** The Azure OpenAI operations Switchyard calls. */
export type AzureOperation = 'chat/completions' | 'embeddings';

/**
 * Where an Azure OpenAI call goes, chosen by the provider's base URL:
 * - `https://{resource}.openai.azure.com/openai/v1` (the v1 API): `{base}/{operation}`, the
 *   deployment travels as `model` in the body;
 * - any other (`https://{resource}.openai.azure.com`, optionally `?api-version=…`): deployment
 *   routing, `{base}/openai/deployments/{deployment}/{operation}?api-version=…`.
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
  const deployment = encodeURIComponent(target.upstreamModel);
  url.pathname = `${resourcePath}/openai/deployments/${deployment}/${operation}`;
  url.search = '';
  url.searchParams.set('api-version', apiVersion);
  return url.toString();
}
