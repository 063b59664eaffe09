import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';

describe('ConfigError', () => {
  it('lists every problem on its own line', () => {
    const error = new ConfigError([
      { source: 'env', path: 'PORT', reason: 'expected an integer' },
      { source: '/srv/switchyard.yaml', path: 'providers[1].base_url', reason: 'bad URL' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.message.split('\n').slice(1)).toEqual([
      'env: PORT: expected an integer',
      '/srv/switchyard.yaml: providers[1].base_url: bad URL',
    ]);
    expect(Object.isFrozen(error.problems)).toBe(true);
  });
});
