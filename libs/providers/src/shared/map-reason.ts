/**
 * One protocol's stop reason in another's terms, by a table each translator declares; a reason
 * missing from the table (providers add them over time) or none at all reads as `fallback`.
 */
export function mapReason<Reason extends string>(
  table: ReadonlyMap<string, Reason>,
  reason: string | null | undefined,
  fallback: Reason,
): Reason {
  return (reason == null ? undefined : table.get(reason)) ?? fallback;
}
