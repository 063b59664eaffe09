/**
 * Checks of parsed JSON values, combined into checks of whole requests that a hot path runs
 * instead of a schema's copying parse (`isPlainChatRequest`, `isPlainMessagesRequest`): each
 * says only whether a value passes, never copies it.
 */

/** Whether a value passes. */
export type Check = (value: unknown) => boolean;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isString = (value: unknown): value is string => typeof value === 'string';
export const isNonEmptyString = (value: unknown): value is string =>
  isString(value) && value !== '';
export const isBoolean = (value: unknown): boolean => typeof value === 'boolean';
export const inRange =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'number' && value >= min && value <= max;
export const isPositiveInt =
  (max = Number.MAX_SAFE_INTEGER): Check =>
  (value) =>
    Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= max;
export const isNonNegativeInt: Check = (value) =>
  Number.isSafeInteger(value) && (value as number) >= 0;
export const nullable =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
export const arrayOf =
  (check: Check, maxItems = Number.POSITIVE_INFINITY): Check =>
  (value) =>
    Array.isArray(value) && value.length <= maxItems && value.every(check);
/** A loose object whose listed fields, where present, pass their checks. */
export const objectWith =
  (fields: Readonly<Record<string, Check>>, required: readonly string[] = []): Check =>
  (value) => {
    if (!isRecord(value)) return false;
    for (const field of required) if (value[field] === undefined) return false;
    for (const field in fields) {
      const present = value[field];
      if (present !== undefined && !(fields[field] as Check)(present)) return false;
    }
    return true;
  };
export const literal =
  (expected: string): Check =>
  (value) =>
    value === expected;
