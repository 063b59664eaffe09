import type { ProviderErrorKind } from '../provider-error.js';

/** What a Bedrock exception means for the gateway. */
export interface BedrockExceptionClass {
  kind: ProviderErrorKind;
  retryable: boolean;
}

const EXCEPTIONS: ReadonlyMap<string, BedrockExceptionClass> = new Map([
  ['ValidationException', { kind: 'invalid_request', retryable: false }],
  ['ThrottlingException', { kind: 'rate_limited', retryable: true }],
  // A quota is a limit of this account: another credential (or later) may succeed.
  ['ServiceQuotaExceededException', { kind: 'rate_limited', retryable: true }],
  ['ModelNotReadyException', { kind: 'rate_limited', retryable: true }],
  ['AccessDeniedException', { kind: 'authentication', retryable: false }],
  ['UnrecognizedClientException', { kind: 'authentication', retryable: false }],
  ['InvalidSignatureException', { kind: 'authentication', retryable: false }],
  ['IncompleteSignatureException', { kind: 'authentication', retryable: false }],
  ['ExpiredTokenException', { kind: 'authentication', retryable: false }],
  ['MissingAuthenticationTokenException', { kind: 'authentication', retryable: false }],
  ['ResourceNotFoundException', { kind: 'not_found', retryable: false }],
  ['ModelTimeoutException', { kind: 'server_error', retryable: true }],
  ['ModelErrorException', { kind: 'server_error', retryable: true }],
  ['ModelStreamErrorException', { kind: 'server_error', retryable: true }],
  ['InternalServerException', { kind: 'server_error', retryable: true }],
  ['ServiceUnavailableException', { kind: 'overloaded', retryable: true }],
] satisfies Array<[string, BedrockExceptionClass]>);

/**
 * The class of a Bedrock exception name, as sent in `x-amzn-errortype`, a body's `__type` or an
 * event-stream `:exception-type` (any case, any `:namespace` suffix or `#` prefix); undefined for
 * a name not listed.
 */
export function classifyBedrockException(
  name: string | undefined,
): { name: string; class: BedrockExceptionClass } | undefined {
  if (name === undefined || name === '') return undefined;
  const bare = (name.split(':')[0] ?? '').split('#').at(-1) ?? '';
  const canonical = bare.charAt(0).toUpperCase() + bare.slice(1);
  const found = EXCEPTIONS.get(canonical);
  return found === undefined ? undefined : { name: canonical, class: found };
}
