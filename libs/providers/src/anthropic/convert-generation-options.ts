import type { ChatCompletionRequest } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';

/** The sampling and bookkeeping fields of an Anthropic request. */
export interface AnthropicGenerationOptions {
  max_tokens: number;
  temperature?: number;
  top_p?: number;
  stop_sequences?: string[];
  metadata?: { user_id: string };
}

/** Anthropic's temperature range is 0–1 where OpenAI's is 0–2. */
const MAX_TEMPERATURE = 1;

/**
 * `max_completion_tokens` (or `max_tokens`), `temperature`, `top_p`, `stop` and `user` in
 * Anthropic's terms. A temperature above 1 is clamped to 1 with a warning rather than scaled, so
 * the common 0–1 range keeps its meaning exactly. `n > 1` and a missing token limit are refused.
 */
export function convertGenerationOptions(
  request: ChatCompletionRequest,
  warnings: Set<string>,
): AnthropicGenerationOptions {
  if (request.n != null && request.n > 1) {
    throw ProviderError.invalidRequest(
      'anthropic returns one choice per request; n greater than 1 is not supported.',
      'n',
      'unsupported_parameter',
    );
  }
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens == null) {
    throw ProviderError.invalidRequest('anthropic requires max_tokens.', 'max_tokens');
  }
  const options: AnthropicGenerationOptions = { max_tokens: maxTokens };
  if (request.temperature != null) {
    if (request.temperature > MAX_TEMPERATURE) {
      warnings.add(
        `temperature ${request.temperature} is above anthropic's maximum of ${MAX_TEMPERATURE} and was lowered to ${MAX_TEMPERATURE}`,
      );
    }
    options.temperature = Math.min(request.temperature, MAX_TEMPERATURE);
  }
  if (request.top_p != null) options.top_p = request.top_p;
  if (request.stop != null) {
    options.stop_sequences = typeof request.stop === 'string' ? [request.stop] : [...request.stop];
  }
  if (request.user !== undefined && request.user !== '') {
    options.metadata = { user_id: request.user };
  }
  return options;
}
