import { describe, expect, it } from 'vitest';
import { findListedModel } from './find-listed-model.js';

const listed = (...names: string[]) =>
  names.map((upstreamModel) => ({ upstreamModel, contextLength: null, maxOutputTokens: null }));

describe('findListedModel', () => {
  it('prefers the exact name, then the newest dated name with the same key', () => {
    const models = listed('gpt-4o', 'claude-3-5-sonnet-20240620', 'claude-3-5-sonnet-20241022');
    expect(findListedModel(models, 'gpt-4o')?.upstreamModel).toBe('gpt-4o');
    expect(findListedModel(models, 'claude-3.5-sonnet')?.upstreamModel).toBe(
      'claude-3-5-sonnet-20241022',
    );
    expect(findListedModel(models, 'gpt-4o-mini')).toBeUndefined();
  });
});
