/**
 * What may stand before a credential: the start, anything but a letter or digit, or a JSON
 * escape (`\n`, `\t`, `\u000b`…), whose letter ends a character rather than continuing a word,
 * so a key after a newline in JSON text is caught too (`\b` sees `\nsk-` as one word).
 */
const BEFORE_CREDENTIAL = String.raw`(?:^|[^A-Za-z0-9]|\\[bfnrt]|\\u[0-9A-Fa-f]{4})`;

/**
 * A credential that starts with `prefix` where a word may start (see BEFORE_CREDENTIAL). The
 * boundary is looked behind only once the prefix matched, which keeps the scan of a long body
 * as fast as a plain literal search.
 */
export function credentialPattern(prefix: string, rest: string, flags = 'g'): RegExp {
  return new RegExp(`${prefix}(?<=${BEFORE_CREDENTIAL}${prefix})${rest}`, flags);
}

/**
 * Shapes of provider credentials that upstream messages like to echo back. Prefixes distinctive
 * enough to mean a key wherever they start (`sk-ant-`, `AIza`) need no boundary at all, so
 * `ENV_sk-ant-…` or `KEY=AIza…` are caught as well.
 */
const CREDENTIAL_PATTERNS = [
  credentialPattern('(?:sk|pk|rk)-', String.raw`[A-Za-z0-9_\-*]{8,}`),
  /sk-ant-[A-Za-z0-9_\-*]{8,}/g,
  /AIza[0-9A-Za-z_-]{20,}/g,
  credentialPattern('Bearer', String.raw`(?:\s|\\[nrt])+[A-Za-z0-9._\-*~+/=]{8,}`, 'gi'),
  // OAuth access tokens: Google's (`ya29.…`) and JWTs such as Microsoft Entra's.
  /ya29\.[A-Za-z0-9._-]{16,}/g,
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  // A private key, e.g. from a service-account JSON key.
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

/**
 * Removes the given secrets and anything shaped like a provider credential from a message that
 * came from upstream (or from JSON text), before it reaches a client or a log line. A secret is
 * found as written and as JSON escapes it.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    redacted = redactAll(redacted, secret);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) redacted = redactAll(redacted, escaped);
  }
  for (const pattern of CREDENTIAL_PATTERNS) redacted = redacted.replace(pattern, '[redacted]');
  return redacted;
}

function redactAll(text: string, secret: string): string {
  return text.includes(secret) ? text.split(secret).join('[redacted]') : text;
}
