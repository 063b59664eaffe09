/** AWS access key ids, and SigV4 signatures and credential scopes, wherever they appear. */
const AWS_SECRET_PATTERNS: readonly RegExp[] = [
  /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g,
  /Signature=[0-9a-f]{64}/gi,
  /Credential=[^,\s]+/gi,
];

/**
 * Text an AWS service wrote, with access key ids and signature parts replaced: signature errors
 * of some services echo the credential scope or string to sign, and none of it may reach a log.
 */
export function redactAwsSecrets(text: string): string {
  return AWS_SECRET_PATTERNS.reduce(
    (redacted, pattern) => redacted.replace(pattern, '[redacted]'),
    text,
  );
}
