import { readJsonObjectText } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { createBedrockAdapter } from './bedrock-adapter.js';

const BASE = 'https://bedrock-runtime.us-east-1.amazonaws.com';
const native = createBedrockAdapter().nativeMessages;
const target = (upstreamModel: string) => ({
  baseUrl: BASE,
  upstreamModel,
  apiKey: 'AKIAEXAMPLE:secret',
  extraHeaders: {},
});
const BODY =
  '{"model":"claude-on-bedrock","max_tokens":1024,\n "stream":true,"thinking":{"type":"enabled","budget_tokens":1024},' +
  '"system":[{"type":"text","text":"Be terse.","cache_control":{"type":"ephemeral"}}],' +
  '"messages":[{"role":"user","content":"hi"}]}';

describe('the bedrock Messages pass-through', () => {
  it('serves Claude models only: foundation ids, inference profiles and ARNs', () => {
    expect(native?.servesModel?.('anthropic.claude-sonnet-4-5-20250929-v1:0')).toBe(true);
    expect(native?.servesModel?.('us.anthropic.claude-haiku-4-5-20251001-v1:0')).toBe(true);
    expect(
      native?.servesModel?.(
        'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
      ),
    ).toBe(true);
    expect(native?.servesModel?.('amazon.nova-pro-v1:0')).toBe(false);
    expect(native?.servesModel?.('meta.llama3-70b-instruct-v1:0')).toBe(false);
  });

  it('streams through invoke-with-response-stream: no model or stream, the version and betas in the body', () => {
    const built = native?.buildRequest(
      {
        rawBody: readJsonObjectText(BODY),
        stream: true,
        overrides: { max_tokens: 512 },
        headers: { 'anthropic-beta': 'interleaved-thinking-2025-05-14, context-1m-2025-08-07' },
      },
      target('us.anthropic.claude-sonnet-4-5-20250929-v1:0'),
    );
    expect(built?.url).toBe(
      `${BASE}/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke-with-response-stream`,
    );
    expect(built?.headers).toEqual({
      'content-type': 'application/json',
      accept: 'application/vnd.amazon.eventstream',
    });
    expect(built?.headers.authorization).toBeUndefined();
    expect(built?.body).toBe(
      '{"max_tokens":512,\n "thinking":{"type":"enabled","budget_tokens":1024},' +
        '"system":[{"type":"text","text":"Be terse.","cache_control":{"type":"ephemeral"}}],' +
        '"messages":[{"role":"user","content":"hi"}],"anthropic_version":"bedrock-2023-05-31",' +
        '"anthropic_beta":["interleaved-thinking-2025-05-14","context-1m-2025-08-07"]}',
    );
  });

  it('answers through invoke when the body does not stream, without anthropic_beta when none', () => {
    const built = native?.buildRequest(
      {
        rawBody: readJsonObjectText('{"model":"m","max_tokens":8,"messages":[]}'),
        stream: false,
        overrides: {},
        headers: {},
      },
      target('anthropic.claude-3-haiku-20240307-v1:0'),
    );
    expect(built?.url).toBe(`${BASE}/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke`);
    expect(built?.headers.accept).toBe('application/json');
    expect(built?.body).toBe(
      '{"max_tokens":8,"messages":[],"anthropic_version":"bedrock-2023-05-31"}',
    );
    expect(native?.createStreamDecoder).toBeDefined();
    expect(native?.buildCountTokensRequest).toBeUndefined();
  });
});
