import { describe, expect, it } from 'vitest';
import { encodeRedisCommand } from './encode-redis-command.js';

describe('encodeRedisCommand', () => {
  it('writes an array of bulk strings', () => {
    expect(encodeRedisCommand(['PING'])).toBe('*1\r\n$4\r\nPING\r\n');
  });

  it('counts bytes, not characters', () => {
    expect(encodeRedisCommand(['AUTH', 'pässword'])).toBe('*2\r\n$4\r\nAUTH\r\n$9\r\npässword\r\n');
  });
});
