/**
 * Whether the database refused a write because of the data in it (SQLSTATE class 22, data
 * exception, or 23, integrity violation) rather than because it is unreachable or busy: then
 * writing rows one at a time finds the culprit instead of retrying the whole batch forever.
 */
export function isRowDataError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
