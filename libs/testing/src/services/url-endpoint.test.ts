import { describe, expect, it } from 'vitest';
import { redactUrl, urlEndpoint } from './url-endpoint.js';

describe('urlEndpoint', () => {
  it('reads host and port, defaulting the port', () => {
    expect(urlEndpoint('redis://127.0.0.1:6380/0', 6379)).toEqual({
      host: '127.0.0.1',
      port: 6380,
    });
    expect(urlEndpoint('postgres://postgres@db/test', 5432)).toEqual({ host: 'db', port: 5432 });
    expect(urlEndpoint('nats://[::1]:4222', 4222)).toEqual({ host: '::1', port: 4222 });
  });

  it('rejects text that is not a URL with a host', () => {
    expect(urlEndpoint('localhost:6379', 6379)).toBeUndefined();
    expect(urlEndpoint('not a url', 6379)).toBeUndefined();
  });
});

describe('redactUrl', () => {
  it('hides the password', () => {
    expect(redactUrl('postgres://user:secret@db:5432/test')).toBe(
      'postgres://user:***@db:5432/test',
    );
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
