import { describe, expect, it } from 'vitest';
import { buildGoogleRequest } from './build-google-request.js';

const target = {
  baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  upstreamModel: 'gemini-2.5-flash',
  apiKey: 'AIza-upstream',
  extraHeaders: {},
};

const config = (request: Record<string, unknown>) => {
  const built = buildGoogleRequest(
    { model: 'google/gemini', messages: [{ role: 'user', content: 'hi' }], ...request },
    target,
  );
  const body = JSON.parse(built.body ?? '') as { generationConfig?: Record<string, unknown> };
  return { thinking: body.generationConfig?.thinkingConfig, warnings: built.warnings };
};

describe('reasoning requests to gemini', () => {
  it('asks for a thinking budget with thought summaries, unless reasoning is excluded', () => {
    expect(config({ max_tokens: 10_000, reasoning_effort: 'low' })).toEqual({
      thinking: { thinkingBudget: 2000, includeThoughts: true },
      warnings: [],
    });
    expect(config({ reasoning: { max_tokens: 4096, exclude: true } }).thinking).toEqual({
      thinkingBudget: 4096,
      includeThoughts: false,
    });
    expect(config({}).thinking).toBeUndefined();
  });
});
