import type { ChatCompletionRequest } from '@switchyard/contracts';
import { type ApiError, apiErrors } from '@switchyard/service-kit';
import type { Model } from '../catalog/model-catalog.js';
import { createPromptParts, type PromptSize } from './prompt-parts.js';

export type { PromptSize } from './prompt-parts.js';

/**
 * Measures a chat request's prompt: its texts, tool calls and tool definitions, images and
 * messages (see {@link createPromptParts}).
 */
export function measurePrompt(request: ChatCompletionRequest): PromptSize {
  const prompt = createPromptParts();
  for (const message of request.messages) {
    prompt.message();
    const content = message.content;
    if (typeof content === 'string') prompt.text(content);
    else if (Array.isArray(content)) {
      for (const part of content) {
        if (part.type === 'text' && typeof part.text === 'string') prompt.text(part.text);
        else if (part.type === 'image_url') prompt.image();
      }
    }
    if (message.role === 'assistant' && message.tool_calls) prompt.structure(message.tool_calls);
  }
  if (request.tools) prompt.structure(request.tools);
  return prompt.size();
}

export interface FittedRequest {
  request: ChatCompletionRequest;
  /** The completion budget Switchyard set, when it changed or supplied one. */
  adjustedMaxTokens: number | undefined;
}

/**
 * Makes the request fit the model: when the caller gave no `max_tokens` and the provider needs
 * one, or asked for more than the context window (or the model's output limit) leaves, sets it
 * to what fits. Cheap unless the prompt may be near the window: the tokenizer runs only then.
 * Returns undefined when the prompt alone does not fit.
 */
export function fitMaxTokens(
  request: ChatCompletionRequest,
  model: Model,
  prompt: PromptSize,
  providerRequiresMaxTokens: boolean,
): FittedRequest | undefined {
  const requested = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const outputLimit = model.maxOutputTokens ?? Number.POSITIVE_INFINITY;
  const clearlyFits =
    requested === undefined
      ? !providerRequiresMaxTokens && prompt.upperBound < model.contextLength
      : requested <= outputLimit && prompt.upperBound + requested <= model.contextLength;
  if (clearlyFits) return { request, adjustedMaxTokens: undefined };
  const available = model.contextLength - prompt.count();
  if (available < 1) return undefined;
  const limit = Math.min(available, outputLimit);
  if (requested === undefined) {
    if (!providerRequiresMaxTokens) return { request, adjustedMaxTokens: undefined };
    // Not `{ ...request, max_tokens }`: on Node 20 an object literal that begins with a spread
    // and adds a key gets a hidden class of its own every time (see `createRouter`).
    const withLimit: ChatCompletionRequest = { max_tokens: limit, ...request };
    withLimit.max_tokens = limit;
    return { request: withLimit, adjustedMaxTokens: limit };
  }
  if (requested <= limit) return { request, adjustedMaxTokens: undefined };
  // Clamp whichever limits the caller set: an upstream may read either.
  const fitted: ChatCompletionRequest = { ...request };
  if (request.max_completion_tokens != null)
    fitted.max_completion_tokens = Math.min(request.max_completion_tokens, limit);
  if (request.max_tokens != null) fitted.max_tokens = Math.min(request.max_tokens, limit);
  return { request: fitted, adjustedMaxTokens: limit };
}

/** The 400 for a prompt longer than every candidate model's context window. */
export function contextLengthExceeded(model: Model, prompt: PromptSize): ApiError {
  return apiErrors.contextLengthExceeded(
    `This model's maximum context length is ${model.contextLength} tokens, but the messages take about ${prompt.count()} tokens.`,
  );
}
