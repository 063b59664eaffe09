/**
 * A one-line reason for an error, including the inner errors of an AggregateError (what `pg`
 * throws when every address of `localhost` refuses) and the code when the message is empty.
 */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(describeError))].join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (error.message !== '') {
      return error.message;
    }
    return typeof code === 'string' ? code : error.name;
  }
  return String(error);
}
