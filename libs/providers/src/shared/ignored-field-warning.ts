/** The warning for a request field a provider cannot carry, as sent in `x-switchyard-warnings`. */
export function ignoredFieldWarning(provider: string, field: string): string {
  return `${field} is not supported by ${provider} and was ignored`;
}
