import { describe, expect, it } from 'vitest';
import { readCookie, SESSION_COOKIE, serializeSessionCookie } from './session-cookie.js';

describe('readCookie', () => {
  it('finds one cookie among several and ignores look-alikes', () => {
    const header = `other=1; x${SESSION_COOKIE}=no; ${SESSION_COOKIE}=abc-123 ; last=`;
    expect(readCookie(header, SESSION_COOKIE)).toBe('abc-123');
    expect(readCookie(header, 'last')).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
  });
});

describe('serializeSessionCookie', () => {
  it('is HttpOnly, SameSite=Strict, path-scoped, and Secure only when asked', () => {
    const plain = serializeSessionCookie('id', {
      path: '/console',
      secure: false,
      maxAgeSeconds: 60,
    });
    expect(plain).toBe(
      `${SESSION_COOKIE}=id; Path=/console; Max-Age=60; HttpOnly; SameSite=Strict`,
    );
    const secure = serializeSessionCookie('', { path: '/', secure: true, maxAgeSeconds: 0 });
    expect(secure).toContain('Max-Age=0');
    expect(secure.endsWith('; Secure')).toBe(true);
  });
});
