import { createOpenAiCompatibleAdapter } from '../openai-compatible/openai-compatible-adapter.js';
import type { BuiltRequest, ProviderAdapter, UpstreamTarget } from '../provider-adapter.js';
import { buildResponsesRequest } from '../responses-ingress/build-responses-request.js';
import { type AzureOperation, buildAzureUrl } from './build-azure-url.js';
import { createAzureStreamTransformer } from './create-azure-stream-transformer.js';
import { parseAzureError } from './parse-azure-error.js';

/**
 * Azure OpenAI / Azure AI Foundry: OpenAI's bodies, streams and usage (the OpenAI-compatible
 * adapter's translation), at Azure's URLs (`buildAzureUrl`), with Azure's content-filter
 * errors typed and the prompt-filter event that opens its streams dropped. Its credential is applied by the Azure signer, so nothing here writes one;
 * a content-filtered answer (`finish_reason: content_filter`, `content_filter_results`) passes
 * through as Azure wrote it, reason included. `/v1/responses` is served natively by Azure's
 * Responses API for every deployment: one whose model lacks it answers with Azure's own error,
 * which is clearer than a translation that silently drops built-in tools and reasoning state.
 */
export function createAzureAdapter(): ProviderAdapter {
  const base = createOpenAiCompatibleAdapter('azure');
  const embeddings = base.embeddings;
  const atAzure = (
    built: BuiltRequest,
    target: UpstreamTarget,
    operation: AzureOperation,
  ): BuiltRequest => ({ ...built, url: buildAzureUrl(target, operation) });
  const withoutKey = (target: UpstreamTarget): UpstreamTarget => ({ ...target, apiKey: undefined });
  return {
    ...base,
    buildChatRequest: (request, target, source) =>
      atAzure(
        base.buildChatRequest(request, withoutKey(target), source),
        target,
        'chat/completions',
      ),
    embeddings: embeddings && {
      ...embeddings,
      buildRequest: (request, target) =>
        atAzure(embeddings.buildRequest(request, withoutKey(target)), target, 'embeddings'),
    },
    responses: {
      buildRequest: (body, target, source) =>
        atAzure(buildResponsesRequest(body, withoutKey(target), source), target, 'responses'),
    },
    createChatStreamTransformer: createAzureStreamTransformer,
    parseError: parseAzureError,
  };
}
