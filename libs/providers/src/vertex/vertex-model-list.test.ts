import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vertexModelList } from './vertex-model-list.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
const target = {
  baseUrl: 'https://europe-west4-aiplatform.googleapis.com/v1/projects/acme/locations/europe-west4',
  apiKey: undefined,
  headers: {},
  routedModels: ['gemini-2.5-pro'],
};
const withClaude = { ...target, routedModels: ['gemini-2.5-pro', 'claude-sonnet-4-5@20250929'] };

describe('vertexModelList', () => {
  it("asks the location's Model Garden for a publisher's models with their versions, page by page", () => {
    expect(vertexModelList.buildRequest(target, undefined)).toEqual({
      url: 'https://europe-west4-aiplatform.googleapis.com/v1beta1/publishers/google/models?pageSize=100&view=PUBLISHER_MODEL_VERSION_VIEW_BASIC',
      method: 'GET',
      headers: {},
      body: undefined,
    });
    expect(vertexModelList.buildRequest(target, 'google:CgZnZW1tYS0y').url).toBe(
      'https://europe-west4-aiplatform.googleapis.com/v1beta1/publishers/google/models?pageSize=100&view=PUBLISHER_MODEL_VERSION_VIEW_BASIC&pageToken=CgZnZW1tYS0y',
    );
    expect(vertexModelList.buildRequest(target, 'anthropic:').url).toBe(
      'https://europe-west4-aiplatform.googleapis.com/v1beta1/publishers/anthropic/models?pageSize=100&view=PUBLISHER_MODEL_VERSION_VIEW_BASIC',
    );
  });

  it("keeps a proxy's path prefix, as Bedrock's list does, and drops only the project path", () => {
    const proxy = {
      ...target,
      baseUrl: 'https://gateway.internal/vertex/v1/projects/acme/locations/europe-west4/',
    };
    expect(vertexModelList.buildRequest(proxy, undefined).url).toBe(
      'https://gateway.internal/vertex/v1beta1/publishers/google/models?pageSize=100&view=PUBLISHER_MODEL_VERSION_VIEW_BASIC',
    );
    const global = {
      ...target,
      baseUrl: 'https://aiplatform.googleapis.com/v1beta1/projects/acme/locations/global',
    };
    expect(vertexModelList.buildRequest(global, 'anthropic:').url).toBe(
      'https://aiplatform.googleapis.com/v1beta1/publishers/anthropic/models?pageSize=100&view=PUBLISHER_MODEL_VERSION_VIEW_BASIC',
    );
  });

  it('keeps Gemini and embedding models and follows nextPageToken', () => {
    const page = vertexModelList.parsePage(
      fixture('list-publisher-models-google.json'),
      undefined,
      target,
    );
    expect(page).toEqual({
      models: [
        {
          upstreamModel: 'gemini-2.5-pro',
          contextLength: null,
          maxOutputTokens: null,
          servedModel: 'google/gemini-2.5-pro',
        },
        {
          upstreamModel: 'gemini-2.0-flash-001',
          contextLength: null,
          maxOutputTokens: null,
          servedModel: 'google/gemini-2.0-flash-001',
        },
        {
          upstreamModel: 'text-embedding-005',
          contextLength: null,
          maxOutputTokens: null,
          servedModel: 'google/text-embedding-005',
        },
      ],
      nextCursor: 'google:CgZnZW1tYS0y',
    });
  });

  it("reads Anthropic's publisher after Google's only when Claude is routed to the provider", () => {
    const lastGoogle = { publisherModels: [{ name: 'publishers/google/models/gemini-2.5-flash' }] };
    expect(vertexModelList.parsePage(lastGoogle, 'google:x', target)?.nextCursor).toBeUndefined();
    expect(vertexModelList.parsePage(lastGoogle, 'google:x', withClaude)?.nextCursor).toBe(
      'anthropic:',
    );
    const claude = vertexModelList.parsePage(
      fixture('list-publisher-models-anthropic.json'),
      'anthropic:',
      withClaude,
    );
    // `claude-3-5-haiku` has `versionId: default`: Vertex answers 404 to an id without `@date`.
    expect(claude?.models.map((model) => [model.upstreamModel, model.servedModel])).toEqual([
      ['claude-sonnet-4-5@20250929', 'anthropic/claude-sonnet-4-5'],
    ]);
    expect(claude?.nextCursor).toBeUndefined();
  });

  it('leaves out a Claude model without a dated version, and keeps Gemini without one', () => {
    const page = vertexModelList.parsePage(
      {
        publisherModels: [
          { name: 'publishers/anthropic/models/claude-opus-4-1' },
          { name: 'publishers/anthropic/models/claude-haiku-4-5', versionId: '001' },
          { name: 'publishers/anthropic/models/claude-haiku-4-5', versionId: '20251001' },
        ],
      },
      'anthropic:',
      withClaude,
    );
    expect(page?.models.map((model) => model.upstreamModel)).toEqual(['claude-haiku-4-5@20251001']);
    const gemini = vertexModelList.parsePage(
      { publisherModels: [{ name: 'publishers/google/models/gemini-2.5-flash' }] },
      undefined,
      target,
    );
    expect(gemini?.models.map((model) => model.upstreamModel)).toEqual(['gemini-2.5-flash']);
  });

  it('refuses a body that is not a publisher-model page, and ignores another publisher’s names', () => {
    expect(vertexModelList.parsePage({ publisherModels: 'x' }, undefined, target)).toBeUndefined();
    const foreign = { publisherModels: [{ name: 'publishers/anthropic/models/claude-x' }] };
    expect(vertexModelList.parsePage(foreign, undefined, target)?.models).toEqual([]);
  });
});
