import type { Message } from '@smithy/eventstream-codec';
import { classifyUpstreamStatus, ProviderError } from '../provider-error.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { parseJson } from '../shared/parse-json.js';
import { classifyBedrockException } from './classify-bedrock-exception.js';
import { redactAwsSecrets } from './redact-aws-secrets.js';

/** The HTTP status each exception has as a response, for the error the client is told of. */
const STATUS_BY_KIND = {
  invalid_request: 400,
  authentication: 403,
  not_found: 404,
  rate_limited: 429,
  overloaded: 503,
  server_error: 500,
  malformed_response: 200,
} as const;

/**
 * An exception frame of a ConverseStream (`:message-type` `exception`, its name in
 * `:exception-type`, `{"message"}` as payload) or an `error` frame (`:error-code`,
 * `:error-message`) as the typed error the gateway ends the client's stream with.
 */
export function convertBedrockStreamException(message: Message, payload: string): ProviderError {
  const header = (name: string): string | undefined => {
    const value = message.headers[name];
    return value?.type === 'string' ? value.value : undefined;
  };
  const name = header(':exception-type') ?? header(':error-code');
  const body = parseJson(payload);
  const text =
    (isPlainObject(body) && typeof body.message === 'string' ? body.message : undefined) ??
    header(':error-message') ??
    `bedrock stream failed with ${name ?? 'an unnamed error'}`;
  const exception = classifyBedrockException(name);
  const { kind, retryable } = exception?.class ?? classifyUpstreamStatus(500);
  return new ProviderError(redactAwsSecrets(text).slice(0, 1000), {
    kind,
    status: STATUS_BY_KIND[kind],
    code: exception?.name ?? name ?? null,
    retryable,
  });
}
