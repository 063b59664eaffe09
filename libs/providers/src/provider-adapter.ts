import type { ChatCompletionRequest, EmbeddingsRequest, TokenUsage } from '@switchyard/contracts';
import type { ProviderError } from './provider-error.js';

/** Where and as whom one upstream call goes: chosen by routing, filled in by the gateway. */
export interface UpstreamTarget {
  baseUrl: string;
  upstreamModel: string;
  /** The upstream credential; undefined for servers that need none (a local vLLM or Ollama). */
  apiKey: string | undefined;
  extraHeaders: Readonly<Record<string, string>>;
}

/** An HTTP request an adapter wants sent; the executor does the I/O. */
export interface UpstreamRequest {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body: string | undefined;
}

/** A parsed non-streaming answer: the OpenAI-format body to return, and its usage. */
export interface ParsedResponse {
  body: Record<string, unknown>;
  usage: TokenUsage | undefined;
}

export interface ChatStreamOptions {
  /** The client asked for the usage chunk (`stream_options.include_usage`). */
  includeUsage: boolean;
  /** Extra fields merged into the usage object sent to the client (e.g. `cost`). */
  annotateUsage?: (usage: TokenUsage) => Readonly<Record<string, unknown>>;
}

/**
 * Turns upstream stream bytes into the bytes the client receives (OpenAI SSE), synchronously and
 * without I/O, remembering the usage it saw.
 */
export interface ChatStreamTransformer {
  /** The next bytes from upstream in; the bytes to send now out (possibly empty). */
  push(chunk: Uint8Array): string;
  /** Upstream ended; the last bytes to send. */
  end(): string;
  /** Usage reported by the upstream so far. */
  readonly usage: TokenUsage | undefined;
  /** Whether the upstream finished the stream properly (`[DONE]` or its equivalent). */
  readonly completed: boolean;
}

/**
 * A provider adapter: pure translation between Switchyard's canonical format (OpenAI Chat
 * Completions) and one provider's wire format. No I/O, no clock, no environment.
 */
export interface ProviderAdapter {
  /** The provider type this adapter serves, as written in configuration. */
  readonly type: string;
  buildChatRequest(request: ChatCompletionRequest, target: UpstreamTarget): UpstreamRequest;
  parseChatResponse(body: unknown): ParsedResponse;
  createChatStreamTransformer(options: ChatStreamOptions): ChatStreamTransformer;
  buildEmbeddingsRequest(request: EmbeddingsRequest, target: UpstreamTarget): UpstreamRequest;
  parseEmbeddingsResponse(body: unknown): ParsedResponse;
  /** Types an upstream error response; `nowMs` only resolves HTTP-date `retry-after` values. */
  parseError(
    status: number,
    bodyText: string,
    headers: Readonly<Record<string, string | undefined>>,
    nowMs: number,
  ): ProviderError;
}
