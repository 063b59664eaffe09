/** What went wrong upstream, in words the gateway maps to its own errors without knowing the provider. */
export type ProviderErrorKind =
  | 'invalid_request'
  | 'authentication'
  | 'not_found'
  | 'rate_limited'
  | 'overloaded'
  | 'server_error'
  | 'malformed_response';

export interface ProviderErrorFields {
  kind: ProviderErrorKind;
  /** The upstream HTTP status; 200 for a malformed success body. */
  status: number;
  /** The provider's own error code when it sent one. */
  code: string | null;
  param?: string | null;
  retryable: boolean;
  retryAfterSeconds?: number | undefined;
}

/**
 * A typed upstream failure produced by an adapter's `parseError` or parse functions. It carries
 * the upstream's message but never a credential: the gateway redacts before it leaves.
 */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly status: number;
  readonly code: string | null;
  readonly param: string | null;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, fields: ProviderErrorFields) {
    super(message);
    this.name = 'ProviderError';
    this.kind = fields.kind;
    this.status = fields.status;
    this.code = fields.code;
    this.param = fields.param ?? null;
    this.retryable = fields.retryable;
    this.retryAfterSeconds = fields.retryAfterSeconds;
  }

  /**
   * A 200 from the provider that is not the shape its API documents (`what`: "chat completion",
   * "stream event"…): never retried, since the same request would get the same answer.
   */
  static malformed(what: string, provider = 'The provider'): ProviderError {
    return new ProviderError(`${provider} returned a malformed ${what}.`, {
      kind: 'malformed_response',
      status: 200,
      code: null,
      retryable: false,
    });
  }

  /** A request refused before anything is sent: status 400, never retried. */
  static invalidRequest(
    message: string,
    param: string | null,
    code: 'invalid_request' | 'invalid_value' | 'unsupported_parameter' = 'invalid_request',
  ): ProviderError {
    return new ProviderError(message, {
      kind: 'invalid_request',
      status: 400,
      code,
      param,
      retryable: false,
    });
  }

  /** A request field the provider cannot carry honestly, refused before anything is sent. */
  static unsupported(message: string, param: string | null): ProviderError {
    return ProviderError.invalidRequest(message, param, 'unsupported_parameter');
  }
}

/** The kind and retryability of an upstream HTTP status, shared by every adapter. */
export function classifyUpstreamStatus(status: number): {
  kind: ProviderErrorKind;
  retryable: boolean;
} {
  if (status === 401 || status === 403) return { kind: 'authentication', retryable: false };
  if (status === 404) return { kind: 'not_found', retryable: false };
  if (status === 408) return { kind: 'server_error', retryable: true };
  if (status === 429) return { kind: 'rate_limited', retryable: true };
  if (status === 503 || status === 529) return { kind: 'overloaded', retryable: true };
  if (status >= 500) return { kind: 'server_error', retryable: true };
  return { kind: 'invalid_request', retryable: false };
}

/** Seconds from a `retry-after` header (delta-seconds or HTTP date), if present and sane. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}
