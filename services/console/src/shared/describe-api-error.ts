/** An error as the admin API sends it (`{error:{message,type,code,param}}`), plus the status. */
export interface ApiFailure {
  status: number;
  message: string;
  code: string | null;
  param: string | null;
}

/**
 * What to tell a person about a failed call, in plain words: the API's own message, with a hint
 * when the status says more than the message does.
 */
export function describeApiError(failure: ApiFailure): string {
  const message = failure.message.trim();
  const field =
    failure.param !== null && !message.includes(failure.param) ? ` (field: ${failure.param})` : '';
  if (failure.status === 0) return `The console server could not be reached. ${message}`.trim();
  if (failure.status === 404 && failure.code === 'not_found' && /No route for/.test(message)) {
    return 'This part of the admin API is not available on this installation yet.';
  }
  if (failure.status === 403 && failure.code === 'insufficient_role') {
    return `Your key's role may not do this. ${message}`;
  }
  if (failure.status >= 500) return `The server failed: ${message}`;
  return `${message}${field}`;
}
