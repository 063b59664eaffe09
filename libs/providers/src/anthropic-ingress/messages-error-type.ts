/** The `error.type` values of Anthropic's error body. */
export type MessagesErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'timeout_error'
  | 'api_error'
  | 'overloaded_error';

/** The OpenAI-style error fields the mapping reads. */
export interface OpenAiErrorFields {
  type?: string | null | undefined;
  code?: string | number | null | undefined;
}

const BY_STATUS: Readonly<Record<number, MessagesErrorType>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  503: 'overloaded_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/** Switchyard's (and OpenAI's) error types, for errors that arrive without a status (in a stream). */
const BY_TYPE: Readonly<Record<string, MessagesErrorType>> = {
  invalid_request_error: 'invalid_request_error',
  authentication_error: 'authentication_error',
  insufficient_balance: 'billing_error',
  permission_error: 'permission_error',
  not_found_error: 'not_found_error',
  rate_limit_error: 'rate_limit_error',
  timeout_error: 'timeout_error',
};

/** Codes that say more than the type does (the gateway sends 404s as `invalid_request_error`). */
const BY_CODE: Readonly<Record<string, MessagesErrorType>> = {
  model_not_found: 'not_found_error',
  not_found: 'not_found_error',
  request_too_large: 'request_too_large',
  rate_limit_exceeded: 'rate_limit_error',
  insufficient_quota: 'billing_error',
  overloaded: 'overloaded_error',
  no_available_provider: 'overloaded_error',
};

/**
 * The Anthropic error type for a Switchyard error: by HTTP status when there is one, else by
 * code, then type. Anything unrecognised is an `api_error` (a 4xx: `invalid_request_error`).
 */
export function messagesErrorType(
  status: number | undefined,
  error: OpenAiErrorFields,
): MessagesErrorType {
  const byStatus = status === undefined ? undefined : BY_STATUS[status];
  if (byStatus !== undefined) return byStatus;
  if (status !== undefined && status >= 500) return 'api_error';
  const byBody =
    (error.code == null ? undefined : BY_CODE[String(error.code)]) ??
    (error.type == null ? undefined : BY_TYPE[error.type]);
  if (byBody !== undefined) return byBody;
  return status !== undefined && status >= 400 ? 'invalid_request_error' : 'api_error';
}
