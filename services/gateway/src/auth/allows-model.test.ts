import { describe, expect, it } from 'vitest';
import { allowsModel } from './allows-model.js';

describe('allowsModel', () => {
  it('admits everything without an allowlist', () => {
    expect(allowsModel(null, 'openai/gpt-4o', false)).toBe(true);
  });

  it('admits exact ids and provider wildcards only', () => {
    const list = ['openai/gpt-4o-mini', 'anthropic/*'];
    expect(allowsModel(list, 'openai/gpt-4o-mini', false)).toBe(true);
    expect(allowsModel(list, 'openai/gpt-4o', false)).toBe(false);
    expect(allowsModel(list, 'anthropic/claude-sonnet-4-5', false)).toBe(true);
    expect(allowsModel(list, 'anthropicx/claude', false)).toBe(false);
  });

  it(':free admits only free routes', () => {
    expect(allowsModel([':free'], 'meta/llama', true)).toBe(true);
    expect(allowsModel([':free'], 'meta/llama', false)).toBe(false);
    expect(allowsModel([], 'x/y', true)).toBe(false);
  });
});
