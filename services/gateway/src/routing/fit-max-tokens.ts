import type { ChatCompletionRequest } from '@switchyard/contracts';
import { type ApiError, apiErrors } from '@switchyard/service-kit';
import type { Model } from '../catalog/model-catalog.js';
import { countTokens } from '../usage/count-tokens.js';
import { estimateTokens } from '../usage/estimate-tokens.js';
import { jsonTextBytes } from './json-text-bytes.js';

/** Tokens counted for an image part (OpenAI bills a high-detail 512px tile set at about this). */
const IMAGE_TOKENS = 1_000;
/** Per-message framing tokens (role, separators). */
const MESSAGE_OVERHEAD = 4;
/** Tokens that prime the reply (`<|start|>assistant<|message|>`), once per request. */
const REPLY_PRIMING = 3;
/** o200k counts are exact for OpenAI; other providers' tokenizers run up to ~15% longer. */
const ESTIMATE_MARGIN = 1.15;

/** A prompt's size: a cheap upper bound (bytes ≥ tokens for byte-level BPE) and, on demand, a count. */
export interface PromptSize {
  /** The texts' UTF-8 bytes (an escape in a JSON part counted as one character) and `fixed`. */
  upperBound: number;
  /** The o200k count with a margin for other tokenizers: what a window must hold. */
  count(): number;
  /** The o200k count without margin (sampled when long): the usage recorded when a provider reports none. */
  estimate(): number;
}

/**
 * Measures a chat request's prompt; the tokenizer only runs when `count()` is called. Tool calls
 * and tool definitions are counted as their JSON, serialised only then: the bound sizes them
 * without serialising ({@link jsonTextBytes}).
 */
export function measurePrompt(request: ChatCompletionRequest): PromptSize {
  // Texts, and the structures whose JSON is counted, in the order the prompt holds them.
  const parts: Array<string | object> = [];
  let bytes = 0;
  let images = 0;
  const addStructure = (structure: object) => {
    parts.push(structure);
    bytes += jsonTextBytes(structure);
  };
  for (const message of request.messages) {
    const content = message.content;
    if (typeof content === 'string') {
      parts.push(content);
      bytes += Buffer.byteLength(content);
    } else if (Array.isArray(content)) {
      for (const part of content) {
        if (part.type === 'text' && typeof part.text === 'string') {
          parts.push(part.text);
          bytes += Buffer.byteLength(part.text);
        } else if (part.type === 'image_url') images += 1;
      }
    }
    if (message.role === 'assistant' && message.tool_calls) addStructure(message.tool_calls);
  }
  if (request.tools) addStructure(request.tools);
  const fixed = images * IMAGE_TOKENS + request.messages.length * MESSAGE_OVERHEAD + REPLY_PRIMING;
  let texts: string[] | undefined;
  const allTexts = () => {
    texts ??= parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part)));
    return texts;
  };
  let tokens: number | undefined;
  const textTokens = () => {
    tokens ??= allTexts().reduce((sum, text) => sum + countTokens(text), 0);
    return tokens;
  };
  return {
    upperBound: bytes + fixed,
    count: () => Math.ceil(textTokens() * ESTIMATE_MARGIN) + fixed,
    // Exact when the window check already counted; else a bounded sample (the event loop's sake).
    estimate: () => (tokens ?? estimateTokens(allTexts())) + fixed,
  };
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
