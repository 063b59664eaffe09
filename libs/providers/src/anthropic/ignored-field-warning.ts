/** The warning for a request field Anthropic has no equivalent for, as sent in `x-switchyard-warnings`. */
export function ignoredFieldWarning(field: string): string {
  return `${field} is not supported by anthropic and was ignored`;
}
