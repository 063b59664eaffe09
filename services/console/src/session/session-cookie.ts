/** The console's session cookie name. */
export const SESSION_COOKIE = 'sy_console_session';

/** The value of cookie `name` in a `Cookie` header, if present. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

export interface SessionCookieOptions {
  /** Path the browser sends the cookie on: the console's prefix. */
  path: string;
  /** Add `Secure` (the request came over TLS). */
  secure: boolean;
  /** Seconds until the browser drops it; 0 clears it. */
  maxAgeSeconds: number;
}

/**
 * A `Set-Cookie` value for the session id: HttpOnly (no script reads it), SameSite=Strict (no
 * other site sends it), Secure over TLS, and scoped to the console's path.
 */
export function serializeSessionCookie(value: string, options: SessionCookieOptions): string {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}
