import type { ApiFailure } from '../../src/shared/describe-api-error.js';

/** A failed call: the API's error body and status, thrown by {@link ApiClient} methods. */
export class ApiError extends Error {
  readonly failure: ApiFailure;

  constructor(failure: ApiFailure) {
    super(failure.message);
    this.name = 'ApiError';
    this.failure = failure;
  }
}

/** Calls the console server; writes carry the session's CSRF token. */
export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  setCsrfToken(token: string | null): void;
  /** The URL of `path` on the console's API, for links the browser follows (CSV downloads). */
  url(path: string): string;
  /** Told when a call finds the session gone (401), so the UI shows the login page. */
  onUnauthorized(listener: () => void): void;
}

/** The API client for the console mounted at `base` (e.g. `/console`). */
export function createApiClient(base: string): ApiClient {
  let csrfToken: string | null = null;
  let unauthorized: () => void = () => undefined;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetch(`${base}/api/${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError({
        status: 0,
        message: 'Check your connection and that the console is running.',
        code: 'network_error',
        param: null,
      });
    }
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : safeJson(text);
    if (response.ok) return parsed as T;
    const failure = toFailure(response.status, parsed);
    if (response.status === 401 && !path.startsWith('session')) unauthorized();
    throw new ApiError(failure);
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
    delete: (path) => call('DELETE', path),
    url: (path) => `${base}/api/${path}`,
    setCsrfToken(token) {
      csrfToken = token;
    },
    onUnauthorized(listener) {
      unauthorized = listener;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toFailure(status: number, body: unknown): ApiFailure {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const fields = error as Record<string, unknown>;
      return {
        status,
        message:
          typeof fields.message === 'string' ? fields.message : `Request failed (${status}).`,
        code: typeof fields.code === 'string' ? fields.code : null,
        param: typeof fields.param === 'string' ? fields.param : null,
      };
    }
  }
  const message =
    typeof body === 'object' && body !== null && 'message' in body
      ? String((body as { message: unknown }).message)
      : `Request failed with HTTP ${status}.`;
  return { status, message, code: null, param: null };
}
