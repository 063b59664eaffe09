import type { ChatCompletionRequest } from '@switchyard/contracts';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { ignoredFieldWarnings } from '../shared/ignored-field-warnings.js';
import { BEDROCK_FIELD_RULES } from './bedrock-field-rules.js';
import { buildBedrockUrl } from './build-bedrock-url.js';
import { convertBedrockInferenceConfig } from './convert-bedrock-inference-config.js';
import { convertBedrockMessages } from './convert-bedrock-messages.js';
import { convertBedrockTools } from './convert-bedrock-tools.js';

/**
 * The chat request as a Bedrock Converse call (`POST {baseUrl}/model/{id}/converse`, or
 * `converse-stream` when streaming), unsigned: the gateway's SigV4 signer adds the
 * `authorization` and `x-amz-*` headers, as it reads the clock and the credentials.
 */
export function buildBedrockRequest(
  request: ChatCompletionRequest,
  target: UpstreamTarget,
): BuiltRequest {
  const warnings = new Set<string>();
  const inferenceConfig = convertBedrockInferenceConfig(request);
  const { system, messages } = convertBedrockMessages(request.messages, warnings);
  const body: Record<string, unknown> = { messages };
  if (system.length > 0) body.system = system;
  if (inferenceConfig !== undefined) body.inferenceConfig = inferenceConfig;
  const toolConfig = convertBedrockTools(request, warnings);
  if (toolConfig !== undefined) body.toolConfig = toolConfig;
  for (const warning of ignoredFieldWarnings(request, BEDROCK_FIELD_RULES)) warnings.add(warning);
  const stream = request.stream === true;
  return {
    url: buildBedrockUrl(
      target.baseUrl,
      target.upstreamModel,
      stream ? 'converse-stream' : 'converse',
    ),
    method: 'POST',
    // Only the content type, as the AWS SDK sends: Bedrock picks JSON or event-stream by operation.
    headers: { ...target.extraHeaders, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    warnings: [...warnings],
  };
}
