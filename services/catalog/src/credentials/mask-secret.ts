/**
 * What responses show of a secret: its prefix up to the first dash (at most 8 characters) and
 * its last 4, e.g. `sk-…abcd`; short secrets show only `…` and their last 2.
 */
export function maskSecret(secret: string): string {
  if (secret.length < 12) return `…${secret.slice(-2)}`;
  const dash = secret.indexOf('-');
  const prefix = dash > 0 && dash < 8 ? secret.slice(0, dash + 1) : '';
  return `${prefix}…${secret.slice(-4)}`;
}
