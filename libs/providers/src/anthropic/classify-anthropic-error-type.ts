import type { ProviderErrorKind } from '../provider-error.js';

/** What an Anthropic error type means for the gateway, and the HTTP status it comes with. */
export interface AnthropicErrorClass {
  kind: ProviderErrorKind;
  retryable: boolean;
  status: number;
}

const ERROR_TYPES: ReadonlyMap<string, AnthropicErrorClass> = new Map([
  ['invalid_request_error', { kind: 'invalid_request', retryable: false, status: 400 }],
  ['authentication_error', { kind: 'authentication', retryable: false, status: 401 }],
  // Billing and permission problems belong to the gateway's credential, not to the caller.
  ['billing_error', { kind: 'authentication', retryable: false, status: 402 }],
  ['permission_error', { kind: 'authentication', retryable: false, status: 403 }],
  ['not_found_error', { kind: 'not_found', retryable: false, status: 404 }],
  ['request_too_large', { kind: 'invalid_request', retryable: false, status: 413 }],
  ['rate_limit_error', { kind: 'rate_limited', retryable: true, status: 429 }],
  ['api_error', { kind: 'server_error', retryable: true, status: 500 }],
  ['timeout_error', { kind: 'server_error', retryable: true, status: 504 }],
  ['overloaded_error', { kind: 'overloaded', retryable: true, status: 529 }],
] satisfies Array<[string, AnthropicErrorClass]>);

/** The class of a documented Anthropic error `type`; undefined for a type not documented. */
export function classifyAnthropicErrorType(
  type: string | undefined,
): AnthropicErrorClass | undefined {
  return type === undefined ? undefined : ERROR_TYPES.get(type);
}
