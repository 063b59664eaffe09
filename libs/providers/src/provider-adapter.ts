import type {
  ChatCompletionChunk,
  ChatCompletionRequest,
  EmbeddingsRequest,
  ErrorBody,
  JsonObjectText,
  TokenUsage,
} from '@switchyard/contracts';
import type { NativeMessagesAdapter } from './native-messages-adapter.js';
import type { ProviderError } from './provider-error.js';
import type { BuiltRequest, UpstreamTarget } from './upstream-request.js';

export type { BuiltRequest, UpstreamRequest, UpstreamTarget } from './upstream-request.js';

/** What a translating adapter needs to fill OpenAI fields the provider does not send. */
export interface ResponseContext {
  /** Unix seconds for `created` when the provider gives none (the gateway's clock, not the adapter's). */
  createdAtSeconds: number;
  /** The upstream model name, for `model` when the provider gives none. */
  upstreamModel: string;
}

/** A parsed non-streaming answer: the OpenAI-format body to return, and its usage. */
export interface ParsedResponse {
  body: Record<string, unknown>;
  usage: TokenUsage | undefined;
  /** The upstream's text already is this body (OpenAI-compatible): it may be forwarded as is. */
  passThrough?: boolean;
}

export interface ChatStreamOptions extends ResponseContext {
  /** The client asked for the usage chunk (`stream_options.include_usage`). */
  includeUsage: boolean;
  /** Extra fields merged into the usage object sent to the client (e.g. `cost`). */
  annotateUsage?: (usage: TokenUsage) => Readonly<Record<string, unknown>>;
}

/**
 * Where a stream transformer hands its output: typed chunks from a translating adapter, or the
 * upstream's own SSE text from an OpenAI-compatible one (complete events, as written). An
 * encoder per egress protocol writes them; the gateway may tap them on the way.
 */
export interface ChatStreamSink {
  /** One canonical chunk (the sink may keep it; nobody changes it after it is handed over). */
  chunk(chunk: ChatCompletionChunk): void;
  /** Complete OpenAI SSE events as an OpenAI-compatible upstream wrote them, `[DONE]` included. */
  passThrough(sse: string): void;
  /** A translated stream finished properly (OpenAI's `data: [DONE]`). */
  done(): void;
}

/** Writes a chat stream's output as one egress protocol's SSE text. */
export interface ChatStreamEncoder extends ChatStreamSink {
  /** The text written since the last call, '' when none. */
  take(): string;
  /** The last event of a stream that failed after it started, in this protocol. */
  error(error: ErrorBody['error']): string;
  /** The stream is over: what the protocol still owes the client ('' after `done` or `error`). */
  end(): string;
}

/**
 * Turns upstream stream bytes into canonical output for a {@link ChatStreamSink}: typed chunks
 * (a usage chunk when asked, then `done`) or, for an OpenAI-compatible upstream, its events as
 * they arrive. Synchronous and without I/O, it remembers the usage it saw. An error the provider
 * reports inside the stream (or a malformed event) is kept in `failure` and nothing more is
 * handed over: the gateway writes the client's error event, with its own error mapping and
 * credential redaction, and ends the stream.
 */
export interface ChatStreamTransformer {
  /** The next bytes from upstream in; what they complete goes to `sink`. */
  push(chunk: Uint8Array, sink: ChatStreamSink): void;
  /** Upstream ended; the last output goes to `sink`. */
  end(sink: ChatStreamSink): void;
  /** Usage reported by the upstream so far (up to date once `push` or `end` returns). */
  readonly usage: TokenUsage | undefined;
  /** Whether the upstream finished the stream properly (`[DONE]`, `message_stop`, a finish reason…). */
  readonly completed: boolean;
  /** An error the provider sent inside the stream, if any. */
  readonly failure: ProviderError | undefined;
  /**
   * A failure the answer reported in its own protocol and that was handed on as sent (a native
   * Responses stream's `response.failed`): the client has it already; the gateway records it.
   */
  readonly reportedFailure?: ProviderError | undefined;
}

/**
 * A transformer as its own code sees it: the reported fields are plain, writable fields it keeps
 * up to date — never getters on the object (ADR 0002: they kept each request alive past young GCs).
 */
export type ReportingStreamTransformer = Omit<
  ChatStreamTransformer,
  'usage' | 'completed' | 'failure'
> & {
  usage: TokenUsage | undefined;
  completed: boolean;
  failure: ProviderError | undefined;
};

/** Embeddings, for providers that have them. */
export interface EmbeddingsAdapter {
  buildRequest(request: EmbeddingsRequest, target: UpstreamTarget): BuiltRequest;
  parseResponse(body: unknown, context: ResponseContext): ParsedResponse;
}

/**
 * OpenAI's Responses API served natively: the caller's body passes through (model replaced) and
 * the answer's bytes come back as they are.
 */
export interface ResponsesApiAdapter {
  /**
   * `source`, when given, is the caller's body as sent (its members located), of which `body` is
   * the parse with at most `max_output_tokens` changed: sent with the adapter's fields set
   * instead of re-serialising a 100 KB agent turn.
   */
  buildRequest(
    body: Readonly<Record<string, unknown>>,
    target: UpstreamTarget,
    source?: JsonObjectText,
  ): BuiltRequest;
}

/**
 * A provider adapter: pure translation between Switchyard's canonical format (OpenAI Chat
 * Completions) and one provider's wire format. No I/O, no clock, no environment. Differences
 * between providers are declared here, never branched on by provider name elsewhere.
 */
export interface ProviderAdapter {
  /** The provider type this adapter serves, as written in configuration. */
  readonly type: string;
  /** The provider rejects requests without `max_tokens`: the gateway fills in what fits. */
  readonly requiresMaxTokens: boolean;
  /**
   * The upstream request for a chat request. `source`, when given, is the caller's body as sent
   * (its members located), of which `request` is the parse with at most its completion caps
   * (`max_tokens`, `max_completion_tokens`) fitted: an adapter that forwards the request as it is
   * may send those bytes with its own fields set instead of re-serialising a 100 KB agent turn;
   * a translating adapter ignores it.
   */
  buildChatRequest(
    request: ChatCompletionRequest,
    target: UpstreamTarget,
    source?: JsonObjectText,
  ): BuiltRequest;
  parseChatResponse(body: unknown, context: ResponseContext): ParsedResponse;
  createChatStreamTransformer(options: ChatStreamOptions): ChatStreamTransformer;
  /** Absent when the provider has no embeddings API. */
  readonly embeddings: EmbeddingsAdapter | undefined;
  /** Present when the provider serves `/v1/responses` itself; other providers are translated. */
  readonly responses?: ResponsesApiAdapter | undefined;
  /**
   * Present when the provider speaks Anthropic's Messages API: `/v1/messages` then passes the
   * caller's body and the upstream's bytes through instead of translating.
   */
  readonly nativeMessages?: NativeMessagesAdapter | undefined;
  /** Types an upstream error response; `nowMs` only resolves HTTP-date `retry-after` values. */
  parseError(
    status: number,
    bodyText: string,
    headers: Readonly<Record<string, string | undefined>>,
    nowMs: number,
  ): ProviderError;
}
