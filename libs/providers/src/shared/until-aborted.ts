import { ProviderError } from '../provider-error.js';

/**
 * The promise's result, or a retryable `ProviderError` as soon as `signal` aborts: a caller
 * stops waiting for a token fetch it shares with others (which goes on for them) when its own
 * request's deadline passes or its client leaves.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function abortedError(): ProviderError {
  return new ProviderError('The request ended while its OAuth token was being fetched.', {
    kind: 'server_error',
    status: 504,
    code: 'token_fetch_aborted',
    retryable: true,
  });
}
