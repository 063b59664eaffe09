import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bedrockModelList } from './bedrock-model-list.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
const target = {
  baseUrl: 'https://bedrock-runtime.eu-west-1.amazonaws.com',
  apiKey: 'AKIAEXAMPLE:secret',
  headers: { 'x-a': '1' },
  routedModels: [],
};

describe('bedrockModelList', () => {
  it('asks the control plane of the runtime’s region: foundation models, then profile pages', () => {
    expect(bedrockModelList.buildRequest(target, undefined)).toEqual({
      url: 'https://bedrock.eu-west-1.amazonaws.com/foundation-models',
      method: 'GET',
      headers: { 'x-a': '1' },
      body: undefined,
    });
    expect(bedrockModelList.buildRequest(target, 'profiles:').url).toBe(
      'https://bedrock.eu-west-1.amazonaws.com/inference-profiles?maxResults=1000',
    );
    expect(bedrockModelList.buildRequest(target, 'profiles:eyJwYWdlIjoyfQ==').url).toBe(
      'https://bedrock.eu-west-1.amazonaws.com/inference-profiles?maxResults=1000&nextToken=eyJwYWdlIjoyfQ%3D%3D',
    );
    const fips = { ...target, baseUrl: 'https://bedrock-runtime-fips.us-east-1.amazonaws.com' };
    expect(bedrockModelList.buildRequest(fips, undefined).url).toBe(
      'https://bedrock-fips.us-east-1.amazonaws.com/foundation-models',
    );
    const proxy = { ...target, baseUrl: 'https://bedrock-proxy.internal/aws/' };
    expect(bedrockModelList.buildRequest(proxy, undefined).url).toBe(
      'https://bedrock-proxy.internal/aws/foundation-models',
    );
  });

  it('keeps on-demand text and embedding models, then moves on to the inference profiles', () => {
    const page = bedrockModelList.parsePage(
      fixture('list-foundation-models.json'),
      undefined,
      target,
    );
    expect(page).toEqual({
      models: [
        {
          upstreamModel: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
          contextLength: null,
          maxOutputTokens: null,
          servedModel: 'anthropic/claude-3-5-sonnet-20241022',
        },
        {
          upstreamModel: 'meta.llama3-1-70b-instruct-v1:0',
          contextLength: null,
          maxOutputTokens: null,
          servedModel: 'meta-llama/llama3-1-70b-instruct',
        },
        {
          upstreamModel: 'amazon.titan-embed-text-v2:0',
          contextLength: null,
          maxOutputTokens: null,
          servedModel: 'amazon/titan-embed-text',
        },
      ],
      nextCursor: 'profiles:',
    });
  });

  it('leaves out LEGACY models, even on-demand text ones', () => {
    const summary = (modelId: string, status?: string) => ({
      modelId,
      outputModalities: ['TEXT'],
      inferenceTypesSupported: ['ON_DEMAND'],
      ...(status !== undefined && { modelLifecycle: { status } }),
    });
    const page = bedrockModelList.parsePage(
      {
        modelSummaries: [
          summary('anthropic.claude-3-sonnet-20240229-v1:0', 'LEGACY'),
          summary('anthropic.claude-3-5-sonnet-20241022-v2:0', 'ACTIVE'),
          summary('amazon.nova-pro-v1:0'),
        ],
      },
      undefined,
      target,
    );
    expect(page?.models.map((model) => model.upstreamModel)).toEqual([
      'anthropic.claude-3-5-sonnet-20241022-v2:0',
      'amazon.nova-pro-v1:0',
    ]);
  });

  it('lists active cross-region profiles under the model they serve and follows nextToken', () => {
    const page = bedrockModelList.parsePage(
      fixture('list-inference-profiles.json'),
      'profiles:',
      target,
    );
    expect(page?.models.map((model) => [model.upstreamModel, model.servedModel])).toEqual([
      ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'anthropic/claude-sonnet-4-20250514'],
      ['us.meta.llama3-2-90b-instruct-v1:0', 'meta-llama/llama3-2-90b-instruct'],
    ]);
    expect(page?.nextCursor).toBe('profiles:eyJwYWdlIjoyfQ==');
    const last = bedrockModelList.parsePage(
      { inferenceProfileSummaries: [] },
      'profiles:eyJwYWdlIjoyfQ==',
      target,
    );
    expect(last).toEqual({ models: [], nextCursor: undefined });
  });

  it('refuses a body that is not the page it asked for', () => {
    expect(bedrockModelList.parsePage({ message: 'denied' }, undefined, target)).toBeUndefined();
    expect(
      bedrockModelList.parsePage({ inferenceProfileSummaries: 'x' }, 'profiles:', target),
    ).toBeUndefined();
  });
});
