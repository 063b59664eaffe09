/**
 * The message a member sees when the admin API will not yet let member keys read their own
 * usage: what is missing, in words, rather than a bare 403.
 */
export function memberUsageMessage(role: string, error: string | undefined): string | undefined {
  if (error === undefined || role !== 'member') return error;
  if (!/role may not/i.test(error)) return error;
  return 'Member keys cannot read their own requests and usage on this installation yet: the admin API refused the member key. Ask an admin, or check back after an upgrade.';
}
