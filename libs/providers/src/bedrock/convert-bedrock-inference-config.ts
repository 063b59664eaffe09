import type { ChatCompletionRequest } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';

/** Converse's `inferenceConfig`. */
export interface BedrockInferenceConfig {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
}

/**
 * `max_completion_tokens` (or `max_tokens`), `temperature`, `top_p` and `stop` as Converse's
 * `inferenceConfig`; undefined when none is set. The temperature is passed as given: its range
 * is the model family's (Claude 0–1, Llama and Mistral 0–1, others up to 2) and Bedrock says
 * which it refuses. `n > 1` is refused: Converse returns one message.
 */
export function convertBedrockInferenceConfig(
  request: ChatCompletionRequest,
): BedrockInferenceConfig | undefined {
  if (request.n != null && request.n > 1) {
    throw ProviderError.unsupported(
      'bedrock returns one choice per request; n greater than 1 is not supported.',
      'n',
    );
  }
  const config: BedrockInferenceConfig = {};
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) config.maxTokens = maxTokens;
  if (request.temperature != null) config.temperature = request.temperature;
  if (request.top_p != null) config.topP = request.top_p;
  if (request.stop != null) {
    config.stopSequences = typeof request.stop === 'string' ? [request.stop] : [...request.stop];
  }
  return Object.keys(config).length === 0 ? undefined : config;
}
