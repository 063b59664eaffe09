/**
 * Whether `error` is Postgres's unique violation (SQLSTATE 23505), optionally of one named
 * constraint (e.g. `api_keys_key_hash_key`). Works for `pg` and PGlite errors alike.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const details = error as { code?: unknown; constraint?: unknown };
  return (
    details.code === '23505' && (constraint === undefined || details.constraint === constraint)
  );
}
