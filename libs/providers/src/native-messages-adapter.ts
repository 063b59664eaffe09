import type { JsonObjectText, TokenUsage } from '@switchyard/contracts';
import type { ProviderError } from './provider-error.js';
import type { BuiltRequest, UpstreamTarget } from './upstream-request.js';

/** A caller's Anthropic Messages request as the gateway forwards it to a provider that speaks it. */
export interface NativeMessagesRequest {
  /** The caller's JSON body exactly as it was sent, its top-level members located. */
  rawBody: JsonObjectText;
  /** Whether the body asks for a stream (`stream: true`), as the gateway parsed it. */
  stream: boolean;
  /** Top-level fields the gateway sets besides `model` (a fitted or budget-clamped `max_tokens`). */
  overrides: Readonly<Record<string, unknown>>;
  /** The caller's headers named in {@link NativeMessagesAdapter.forwardedHeaders}, lower-cased. */
  headers: Readonly<Record<string, string>>;
}

/**
 * Reads the usage of a stream whose bytes go to the client unchanged: only the events that carry
 * usage, the end or an error are parsed. Synchronous and without I/O.
 */
export interface StreamUsageTap {
  push(chunk: Uint8Array): void;
  end(): void;
  readonly usage: TokenUsage | undefined;
  /** The upstream finished the stream properly (`message_stop`). */
  readonly completed: boolean;
  /** An error the provider sent inside the stream (or a malformed usage event). */
  readonly failure: ProviderError | undefined;
}

/**
 * Turns an upstream's stream bytes into Anthropic SSE text, for a provider that frames the
 * Messages events its own way (Bedrock's event stream). Synchronous and without I/O. A frame it
 * cannot read, or an error the provider framed its own way, comes out as Anthropic's `error`
 * event, which the usage tap then reads as the stream's failure.
 */
export interface NativeStreamDecoder {
  /** The next upstream bytes in; the SSE text of the events they complete out ('' when none). */
  push(chunk: Uint8Array): string;
}

/**
 * What a provider that speaks Anthropic's Messages API offers `/v1/messages`: the caller's body
 * passed through (model replaced, gateway-controlled fields only) and the answer's bytes relayed
 * as they are, with usage read on the way.
 */
export interface NativeMessagesAdapter {
  /** Request headers of the protocol a caller may set and the upstream must see (never credentials). */
  readonly forwardedHeaders: readonly string[];
  /** `POST /v1/messages` upstream. */
  buildRequest(request: NativeMessagesRequest, target: UpstreamTarget): BuiltRequest;
  /**
   * `POST /v1/messages/count_tokens` upstream; absent when the provider has no counting endpoint
   * the gateway uses (the gateway then answers an estimate).
   */
  buildCountTokensRequest?(request: NativeMessagesRequest, target: UpstreamTarget): BuiltRequest;
  /**
   * Whether this upstream model speaks the Messages API (Claude on Bedrock or Vertex); absent,
   * every model of the provider does. The others are translated.
   */
  servesModel?(upstreamModel: string): boolean;
  /** Present when the upstream's stream is not Anthropic's SSE bytes: turns it into them. */
  createStreamDecoder?(): NativeStreamDecoder;
  createUsageTap(): StreamUsageTap;
  /** The usage of a non-streamed message body, undefined when it reports none. */
  parseUsage(body: unknown): TokenUsage | undefined;
}
