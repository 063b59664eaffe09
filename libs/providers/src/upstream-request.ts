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

/**
 * A built request plus what could not be carried over exactly. A request field the provider
 * cannot honour at all is refused instead, with a `ProviderError` of kind `invalid_request`
 * (status 400, code `unsupported_parameter`), before anything is sent.
 */
export interface BuiltRequest extends UpstreamRequest {
  /** Human-readable notes for the `x-switchyard-warnings` header, e.g. "seed is not supported by anthropic". */
  warnings: readonly string[];
}
