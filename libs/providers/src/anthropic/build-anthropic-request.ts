import type { ChatCompletionRequest } from '@switchyard/contracts';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { ignoredFieldWarnings } from '../shared/ignored-field-warnings.js';
import { ANTHROPIC_FIELD_RULES } from './anthropic-field-rules.js';
import { ANTHROPIC_VERSION } from './anthropic-version.js';
import { convertAnthropicMessages } from './convert-anthropic-messages.js';
import { convertAnthropicThinking } from './convert-anthropic-thinking.js';
import { convertAnthropicToolChoice } from './convert-anthropic-tool-choice.js';
import { convertAnthropicTools } from './convert-anthropic-tools.js';
import { convertGenerationOptions } from './convert-generation-options.js';
import { convertResponseFormat } from './convert-response-format.js';

/**
 * The chat request as a call to Anthropic's Messages API (`POST {baseUrl}/messages`), with a
 * warning for every field that could not be carried over. Fields that cannot be honoured at all
 * (`n > 1`, audio or file parts, tool arguments that are not a JSON object) are refused with a
 * `ProviderError` before anything is sent.
 */
export function buildAnthropicRequest(
  request: ChatCompletionRequest,
  target: UpstreamTarget,
): BuiltRequest {
  const warnings = new Set<string>();
  const generation = convertGenerationOptions(request, warnings);
  const thinking = convertAnthropicThinking(request, generation, warnings);
  const { system, messages } = convertAnthropicMessages(request.messages, warnings);
  const body: Record<string, unknown> = { model: target.upstreamModel };
  if (system !== undefined) body.system = system;
  body.messages = messages;
  Object.assign(body, generation);
  if (thinking !== undefined) body.thinking = thinking;
  const tools = request.tools ?? [];
  if (tools.length > 0) body.tools = convertAnthropicTools(tools);
  // Without tools there is nothing to call, in parallel or not.
  const parallelToolCalls = tools.length > 0 ? request.parallel_tool_calls : undefined;
  const toolChoice = convertAnthropicToolChoice(request.tool_choice, parallelToolCalls);
  if (toolChoice !== undefined) body.tool_choice = toolChoice;
  const outputConfig = convertResponseFormat(request.response_format, warnings);
  if (outputConfig !== undefined) body.output_config = outputConfig;
  if (request.stream === true) body.stream = true;
  for (const warning of ignoredFieldWarnings(request, ANTHROPIC_FIELD_RULES)) warnings.add(warning);
  return {
    url: `${target.baseUrl}/messages`,
    method: 'POST',
    headers: headersFor(target),
    body: JSON.stringify(body),
    warnings: [...warnings],
  };
}

function headersFor(target: UpstreamTarget): Record<string, string> {
  const headers: Record<string, string> = {
    ...target.extraHeaders,
    'anthropic-version': ANTHROPIC_VERSION,
    'content-type': 'application/json',
  };
  if (target.apiKey !== undefined) headers['x-api-key'] = target.apiKey;
  return headers;
}
