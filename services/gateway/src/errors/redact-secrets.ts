/** Shapes of provider credentials that upstream messages like to echo back. */
const CREDENTIAL_PATTERNS = [
  /\b(sk|pk|rk)-[A-Za-z0-9_\-*]{8,}/g,
  /\bsk-ant-[A-Za-z0-9_\-*]{8,}/g,
  /\bAIza[0-9A-Za-z_-]{20,}/g,
  /\bBearer\s+[A-Za-z0-9._\-*~+/=]{8,}/gi,
];

/**
 * Removes the given secrets and anything shaped like a provider credential from a message that
 * came from upstream, before it reaches a client or a log line.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4)
      redacted = redacted.split(secret).join('[redacted]');
  }
  for (const pattern of CREDENTIAL_PATTERNS) redacted = redacted.replace(pattern, '[redacted]');
  return redacted;
}
