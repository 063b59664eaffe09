import type { JsonValue } from '../tables/json-value.js';

/** Field names whose values never reach the audit log, at any depth. */
const SECRET_FIELDS = new Set([
  'secret',
  'key',
  'key_hash',
  'ciphertext',
  'iv',
  'auth_tag',
  'hint',
  'password',
  'token',
  'api_key',
]);

/** What a redacted field reads in the audit log. */
export const REDACTED = '[redacted]';

/**
 * `value` as JSON with every secret-named field replaced by {@link REDACTED}: callers pass the
 * admin API's own view of a row (which already omits secrets); this is the second fence, so a
 * field added later cannot leak a secret into an append-only table that is never rewritten.
 */
export function redactAuditValue(value: unknown): JsonValue {
  const json: unknown = value === undefined ? null : JSON.parse(JSON.stringify(value));
  return redact(json as JsonValue);
}

function redact(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => [
      name,
      SECRET_FIELDS.has(name.toLowerCase()) && field !== null ? REDACTED : redact(field),
    ]),
  );
}
