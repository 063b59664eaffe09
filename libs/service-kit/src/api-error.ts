/** The `type` values of the error body (PRODUCT.md, Errors). */
export type ApiErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'insufficient_balance'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'upstream_error'
  | 'server_error'
  | 'timeout_error';

export interface ApiErrorOptions {
  param?: string | null;
  /** Response headers that belong to this error, e.g. `retry-after`. */
  headers?: Readonly<Record<string, string>>;
  cause?: unknown;
  /** Extra fields of the error object PRODUCT.md defines for some codes (402's `limit_source`). */
  details?: Readonly<{ limit_source?: string; resets_at?: string | null }>;
}

/**
 * An error with its HTTP status and OpenAI-style body fields. Domain code throws these; the
 * shared error handler is the only place that turns them into a response.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: ApiErrorType;
  readonly code: string;
  readonly param: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly details: NonNullable<ApiErrorOptions['details']>;

  constructor(
    status: number,
    type: ApiErrorType,
    code: string,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
    this.details = options.details ?? {};
  }

  /** The same error with more response headers (e.g. how many upstream attempts were made). */
  withHeaders(headers: Readonly<Record<string, string>>): ApiError {
    return new ApiError(this.status, this.type, this.code, this.message, {
      param: this.param,
      headers: { ...this.headers, ...headers },
      cause: this.cause,
      details: this.details,
    });
  }
}

/** Constructors for the errors of PRODUCT.md's table, so codes are spelled in one place. */
export const apiErrors = {
  invalidRequest: (message: string, param: string | null = null) =>
    new ApiError(400, 'invalid_request_error', 'invalid_request', message, { param }),
  contextLengthExceeded: (message: string) =>
    new ApiError(400, 'invalid_request_error', 'context_length_exceeded', message, {
      param: 'messages',
    }),
  missingApiKey: () =>
    new ApiError(
      401,
      'authentication_error',
      'missing_api_key',
      'Missing API key: send it as "Authorization: Bearer <key>".',
    ),
  invalidApiKey: () =>
    new ApiError(401, 'authentication_error', 'invalid_api_key', 'Invalid API key.'),
  modelNotFound: (model: string, param = 'model') =>
    new ApiError(
      404,
      'invalid_request_error',
      'model_not_found',
      `Model '${model}' does not exist.`,
      {
        param,
      },
    ),
  modelNotAllowed: (model: string, param = 'model') =>
    new ApiError(
      403,
      'permission_error',
      'model_not_allowed',
      `This API key may not use model '${model}'.`,
      { param },
    ),
  rateLimitExceeded: (message: string, retryAfterMs: number) =>
    new ApiError(429, 'rate_limit_error', 'rate_limit_exceeded', message, {
      headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
    }),
  /** An admin route the calling key's role may not use. */
  insufficientRole: (message = 'This key may not use this admin route.') =>
    new ApiError(403, 'permission_error', 'insufficient_role', message),
  notFound: (what: string) => new ApiError(404, 'invalid_request_error', 'not_found', what),
  requestTooLarge: (limitBytes: number) =>
    new ApiError(
      413,
      'invalid_request_error',
      'request_too_large',
      `Request body is larger than the limit of ${limitBytes} bytes.`,
    ),
  noAvailableProvider: (message: string) =>
    new ApiError(503, 'server_error', 'no_available_provider', message),
  budgetExceeded: (message: string, limitSource: string, resetsAt: string | null) =>
    new ApiError(402, 'insufficient_balance', 'budget_exceeded', message, {
      details: { limit_source: limitSource, resets_at: resetsAt },
    }),
  /** A store the request depends on (the key database) cannot be reached. */
  unavailable: (message: string, cause?: unknown) =>
    new ApiError(503, 'server_error', 'service_unavailable', message, { cause }),
  overloaded: (message: string) => new ApiError(503, 'server_error', 'overloaded', message),
  shuttingDown: () =>
    new ApiError(
      503,
      'server_error',
      'shutting_down',
      'The server is shutting down and ended this response; retry the request.',
    ),
  internal: () => new ApiError(500, 'server_error', 'internal_error', 'Internal server error.'),
} as const;
