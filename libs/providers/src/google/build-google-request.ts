import type { ChatCompletionRequest } from '@switchyard/contracts';
import type { BuiltRequest, UpstreamTarget } from '../provider-adapter.js';
import { hasCacheControl } from '../shared/has-cache-control.js';
import { ignoredFieldWarning } from '../shared/ignored-field-warning.js';
import { ignoredFieldWarnings } from '../shared/ignored-field-warnings.js';
import { buildGoogleGenerationConfig } from './build-google-generation-config.js';
import { buildGoogleHeaders } from './build-google-headers.js';
import { buildGoogleUrl } from './build-google-url.js';
import { convertGoogleMessages } from './convert-google-messages.js';
import { convertGoogleTools } from './convert-google-tools.js';
import { GOOGLE_FIELD_RULES } from './google-field-rules.js';

/**
 * The chat request as a Gemini `generateContent` call (`streamGenerateContent?alt=sse` when
 * streaming): contents and systemInstruction, tools and toolConfig, generationConfig. Whatever
 * Gemini cannot carry is listed in `warnings`; what it cannot honour at all throws a
 * `ProviderError` (invalid_request, 400) before anything is sent.
 */
export function buildGoogleRequest(
  request: ChatCompletionRequest,
  target: UpstreamTarget,
): BuiltRequest {
  const warnings = new Set(ignoredFieldWarnings(request, GOOGLE_FIELD_RULES));
  // Gemini caches by itself (implicit caching); explicit marks have nowhere to go.
  if (hasCacheControl(request.messages))
    warnings.add(ignoredFieldWarning('google', 'cache_control'));
  const warn = (warning: string): void => {
    warnings.add(warning);
  };
  const { contents, systemInstruction } = convertGoogleMessages(request.messages, warn);
  const { tools, toolConfig } = convertGoogleTools(request, warn);
  const generationConfig = buildGoogleGenerationConfig(request);
  const body: Record<string, unknown> = { contents };
  if (systemInstruction !== undefined) body.systemInstruction = systemInstruction;
  if (tools !== undefined) body.tools = tools;
  if (toolConfig !== undefined) body.toolConfig = toolConfig;
  if (generationConfig !== undefined) body.generationConfig = generationConfig;
  const method = request.stream === true ? 'streamGenerateContent' : 'generateContent';
  return {
    url: buildGoogleUrl(target, method),
    method: 'POST',
    headers: buildGoogleHeaders(target),
    body: JSON.stringify(body),
    warnings: [...warnings],
  };
}
