import type { RequestBodies } from '@switchyard/contracts';
import { isPlainObject } from '@switchyard/providers';
import { credentialPattern, redactSecrets } from '../errors/redact-secrets.js';
import type { Answer } from './answer.js';

/** JSON members whose value is a credential whatever it looks like. */
const SECRET_MEMBER =
  /"((?:api|access|secret|private|refresh|client|auth)[_-]?(?:key|token|secret)|authorization|password|passwd|secret|x-api-key)"(\s*:\s*)"(?:[^"\\]|\\.)*"/gi;
/**
 * More credential shapes than upstream error messages carry: cloud and code-host tokens and JWTs.
 * They run over JSON text, where a newline before a key is the letters `\` `n`: the distinctive
 * prefixes need no boundary before them, the AWS key id one that fits escaped text.
 */
const TOKEN_PATTERNS = [
  credentialPattern('AKIA', '[0-9A-Z]{16}'),
  /gh[pousr]_[A-Za-z0-9]{20,}/g,
  /xox[abposr]-[A-Za-z0-9-]{10,}/g,
  /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
];

/**
 * A request's bodies for the request log: the request as the client sent it and the answer as
 * JSON, each with credentials redacted (the upstream key, anything shaped like a key or token,
 * and JSON members named like secrets) and then cut to `maxBytes` of UTF-8.
 */
export function captureBodies(options: {
  request: unknown;
  answer: Answer | undefined;
  /** Re-shapes the answer as the client got it (an Anthropic message for `/v1/messages`). */
  present: ((completion: Record<string, unknown>) => unknown) | undefined;
  maxBytes: number;
  secrets: readonly (string | undefined)[];
}): RequestBodies {
  const { answer, present } = options;
  const request = redactAndCap(JSON.stringify(options.request ?? null), options);
  const response =
    answer === undefined ? undefined : redactAndCap(answerText(answer, present), options);
  return {
    request: request.text,
    request_truncated: request.truncated,
    response: response?.text ?? null,
    response_truncated: (response?.truncated ?? false) || (answer?.truncated ?? false),
  };
}

function answerText(
  answer: Answer,
  present: ((completion: Record<string, unknown>) => unknown) | undefined,
): string {
  if (present === undefined) return answer.text ?? JSON.stringify(answer.json());
  const json = answer.json();
  try {
    return JSON.stringify(isPlainObject(json) ? present(json) : json);
  } catch {
    // A cut stream may not convert (a tool call without its id): log it as it was assembled.
    return JSON.stringify(json);
  }
}

function redactAndCap(
  text: string,
  options: { maxBytes: number; secrets: readonly (string | undefined)[] },
): { text: string; truncated: boolean } {
  // Redacting first means a secret cut in half by the cap cannot slip through; only a margin
  // past the cap is redacted, so a huge body costs no more than a capped one.
  const head = text.length > options.maxBytes * 2 ? text.slice(0, options.maxBytes * 2) : text;
  let redacted = redactSecrets(head, options.secrets).replace(SECRET_MEMBER, '"$1"$2"[redacted]"');
  for (const pattern of TOKEN_PATTERNS) redacted = redacted.replace(pattern, '[redacted]');
  const bytes = Buffer.from(redacted, 'utf8');
  if (bytes.length <= options.maxBytes && head.length === text.length) {
    return { text: redacted, truncated: false };
  }
  // A cut through a multi-byte character decodes to U+FFFD: drop it.
  const cut = bytes
    .subarray(0, options.maxBytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return { text: cut, truncated: true };
}
