/** What an API key check found: the key is accepted, absent (or empty), or not one of the keys. */
export type KeyVerdict = 'accepted' | 'missing' | 'rejected';

/** Checks a presented key against the accepted ones; without `apiKeys` every request passes. */
export function checkPresentedKey(
  key: string | undefined,
  apiKeys: readonly string[] | undefined,
): KeyVerdict {
  if (apiKeys === undefined) return 'accepted';
  if (key !== undefined && key !== '' && apiKeys.includes(key)) return 'accepted';
  return key === undefined || key === '' ? 'missing' : 'rejected';
}
