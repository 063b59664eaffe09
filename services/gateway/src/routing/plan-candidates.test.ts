import { describe, expect, it } from 'vitest';
import { planCandidates } from './plan-candidates.js';
import { testCatalog } from './test-catalog.js';

const catalog = testCatalog({
  'meta/llama': { routes: ['groq', 'together', 'local:0'] },
  'openai/gpt-4o': { routes: ['openai', 'azure'] },
  'openai/embed': { routes: ['openai'], kind: 'embedding' },
});
const plan = (request: Parameters<typeof planCandidates>[1], kind: 'chat' | 'embedding' = 'chat') =>
  planCandidates(catalog, request, kind).map(
    (candidate) => `${candidate.model.id}@${candidate.route.provider.name}`,
  );

describe('planCandidates', () => {
  it('tries a model’s routes in priority order', () => {
    expect(plan({ model: 'meta/llama' })).toEqual([
      'meta/llama@groq',
      'meta/llama@together',
      'meta/llama@local',
    ]);
  });

  it(':free keeps only free routes and @provider pins one', () => {
    expect(plan({ model: 'meta/llama:free' })).toEqual(['meta/llama@local']);
    expect(plan({ model: 'meta/llama@together' })).toEqual(['meta/llama@together']);
    expect(() => plan({ model: 'openai/gpt-4o:free' })).toThrow(
      expect.objectContaining({ status: 404, code: 'model_not_found', param: 'model' }),
    );
    expect(() => plan({ model: 'openai/gpt-4o:free' })).toThrow(/no free route/);
    expect(() => plan({ model: 'meta/llama:free@groq' })).toThrow(/no free route on provider/);
  });

  it('appends the routes of the fallback models in order', () => {
    expect(plan({ model: 'openai/gpt-4o', models: ['meta/llama@groq', 'openai/gpt-4o'] })).toEqual([
      'openai/gpt-4o@openai',
      'openai/gpt-4o@azure',
      'meta/llama@groq',
    ]);
  });

  it('follows provider.order, only, ignore and allow_fallbacks', () => {
    expect(plan({ model: 'meta/llama', provider: { order: ['together', 'local'] } })).toEqual([
      'meta/llama@together',
      'meta/llama@local',
      'meta/llama@groq',
    ]);
    expect(
      plan({ model: 'meta/llama', provider: { order: ['together'], allow_fallbacks: false } }),
    ).toEqual(['meta/llama@together']);
    expect(plan({ model: 'meta/llama', provider: { allow_fallbacks: false } })).toEqual([
      'meta/llama@groq',
    ]);
    expect(
      plan({ model: 'meta/llama', provider: { ignore: ['groq'], only: ['groq', 'local'] } }),
    ).toEqual(['meta/llama@local']);
  });

  it('names the bad model or field', () => {
    expect(() => plan({ model: 'nope/nothing' })).toThrow(
      expect.objectContaining({ status: 404, param: 'model' }),
    );
    expect(() => plan({ model: 'meta/llama', models: ['nope/x'] })).toThrow(
      expect.objectContaining({ param: 'models[0]' }),
    );
    expect(() => plan({ model: 'openai/embed' })).toThrow(
      expect.objectContaining({ status: 400, param: 'model' }),
    );
    expect(() => plan({ model: 'meta/llama', provider: 'groq' })).toThrow(
      expect.objectContaining({ param: 'provider' }),
    );
    expect(plan({ model: 'openai/embed' }, 'embedding')).toEqual(['openai/embed@openai']);
  });

  it('refuses preferences that allow no route as the caller’s mistake, naming them', () => {
    expect(() => plan({ model: 'meta/llama', provider: { only: [] } })).toThrow(
      expect.objectContaining({ status: 400, param: 'provider.only' }),
    );
    expect(() =>
      plan({ model: 'meta/llama', provider: { ignore: ['groq', 'together', 'local'] } }),
    ).toThrow(expect.objectContaining({ status: 400, param: 'provider' }));
  });
});
