/** Narrows parsed JSON to a plain object (not null, not an array) so its fields can be read. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
