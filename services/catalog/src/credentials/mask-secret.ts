/**
 * What responses show of a secret: its prefix up to the first dash (at most 8 characters) and
 * its last 4, e.g. `sk-…abcd`; short secrets show only `…` and their last 2. A JSON credential
 * shows whose it is instead (a service account's `client_email`, a principal's `client_id`),
 * which is no secret: `json:…@acme.iam.gserviceaccount.com`.
 */
export function maskSecret(secret: string): string {
  if (secret.trimStart().startsWith('{')) return `json:${jsonIdentity(secret)}`;
  if (secret.length < 12) return `…${secret.slice(-2)}`;
  const dash = secret.indexOf('-');
  const prefix = dash > 0 && dash < 8 ? secret.slice(0, dash + 1) : '';
  return `${prefix}…${secret.slice(-4)}`;
}

/** The account a JSON credential belongs to, shortened to at most 80 characters; '…' if none. */
function jsonIdentity(secret: string): string {
  let value: unknown;
  try {
    value = JSON.parse(secret);
  } catch {
    return '…';
  }
  if (typeof value !== 'object' || value === null) return '…';
  const fields = value as Record<string, unknown>;
  const identity = [fields.client_email, fields.client_id].find(
    (field): field is string => typeof field === 'string' && field !== '',
  );
  return identity === undefined ? '…' : identity.slice(0, 80);
}
