import { ignoredFieldWarning } from './ignored-field-warning.js';

/** How one adapter judges the request fields it does not translate. */
export interface IgnoredFieldRules {
  /** The provider type, as the warnings name it. */
  provider: string;
  /** Fields the adapter translates (or that only steer Switchyard's routing). */
  handled: ReadonlySet<string>;
  /** Fields whose value 0 asks for nothing (OpenAI's default for the penalties). */
  zeroDefaults?: ReadonlySet<string>;
}

/**
 * One warning per request field the adapter does not translate and that asks for something, so
 * none is dropped silently. A field set to null, false, {} or [] (or 0 where that is the
 * default) asks for nothing, so dropping it changes nothing and is not reported.
 */
export function ignoredFieldWarnings(request: object, rules: IgnoredFieldRules): string[] {
  const warnings: string[] = [];
  for (const [field, value] of Object.entries(request)) {
    if (rules.handled.has(field) || !asksForSomething(field, value, rules)) continue;
    warnings.push(ignoredFieldWarning(rules.provider, field));
  }
  return warnings;
}

function asksForSomething(field: string, value: unknown, rules: IgnoredFieldRules): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (value === 0 && rules.zeroDefaults?.has(field) === true) return false;
  if (typeof value === 'object' && Object.keys(value).length === 0) return false;
  return true;
}
