import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './config-error.js';
import { parseEnvironment } from './parse-environment.js';

const schema = z.object({
  DATABASE_URL: z.string().min(1),
  PORT: z.coerce.number().int().max(65_535).default(8000),
});

describe('parseEnvironment', () => {
  it('returns the parsed variables with their defaults', () => {
    expect(parseEnvironment(schema, { DATABASE_URL: 'postgres://x' })).toEqual({
      DATABASE_URL: 'postgres://x',
      PORT: 8000,
    });
  });

  it('names every bad variable at once, a missing one as required', () => {
    let thrown: unknown;
    try {
      parseEnvironment(schema, { PORT: '99999' });
    } catch (error: unknown) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toEqual([
      { source: 'env', path: 'DATABASE_URL', reason: 'is required' },
      expect.objectContaining({ source: 'env', path: 'PORT' }),
    ]);
  });
});
