import { z } from 'zod';
import { classifyUpstreamStatus, ProviderError, parseRetryAfter } from '../provider-error.js';
import { parseJson } from '../shared/parse-json.js';
import { classifyBedrockException } from './classify-bedrock-exception.js';
import { redactAwsSecrets } from './redact-aws-secrets.js';

const MAX_MESSAGE_LENGTH = 1000;

/** Bedrock's error body: `message` (some paths write `Message`) and sometimes `__type`. */
const bedrockErrorSchema = z.looseObject({
  message: z.string().optional(),
  Message: z.string().optional(),
  __type: z.string().optional(),
});

/**
 * A Bedrock error response typed: the exception name comes from `x-amzn-errortype` (else the
 * body's `__type`) and decides the kind when it is known — throttling and quota errors are 429s
 * tried again, `ValidationException` the caller's 400, access and signature errors our
 * credential's — else the status does. The code is the exception name; key ids and signatures
 * are cut from the message.
 */
export function parseBedrockError(
  status: number,
  bodyText: string,
  headers: Readonly<Record<string, string | undefined>>,
  nowMs: number,
): ProviderError {
  const parsed = bedrockErrorSchema.safeParse(parseJson(bodyText));
  const body = parsed.success ? parsed.data : undefined;
  const exception = classifyBedrockException(headers['x-amzn-errortype'] ?? body?.__type);
  const { kind, retryable } = exception?.class ?? classifyUpstreamStatus(status);
  const message = body?.message ?? body?.Message ?? (bodyText.trim() || `HTTP ${status}`);
  return new ProviderError(redactAwsSecrets(message).slice(0, MAX_MESSAGE_LENGTH), {
    kind,
    status,
    code: exception?.name ?? null,
    retryable,
    retryAfterSeconds: parseRetryAfter(headers['retry-after'], nowMs),
  });
}
