import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGoogleResponse } from './parse-google-response.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
const CONTEXT = { createdAtSeconds: 1_750_000_000, upstreamModel: 'gemini-2.5-flash' };

describe('parseGoogleResponse', () => {
  it('builds a chat.completion with the thought summary as reasoning, and usage details', () => {
    const { body, usage } = parseGoogleResponse(fixture('generate-content.json'), CONTEXT);
    expect(body).toEqual({
      id: 'mB5yaKGqJ8Sh1dkPuN3w0Ak',
      object: 'chat.completion',
      created: 1_750_000_000,
      model: 'gemini-2.5-flash',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'The image shows a wooden boardwalk path running through a lush green field.',
            reasoning:
              '**Describing the scene**\n\nThe picture is a landscape: a path, grass, sky. I will describe it in one sentence.',
          },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 1117,
        completion_tokens: 46,
        total_tokens: 1163,
        prompt_tokens_details: { cached_tokens: 1024 },
        completion_tokens_details: { reasoning_tokens: 30 },
      },
    });
    expect(usage).toEqual({
      promptTokens: 1117,
      completionTokens: 46,
      cachedTokens: 1024,
      reasoningTokens: 30,
    });
  });

  it('gives function calls deterministic ids and hands out their thought signature', () => {
    const { body } = parseGoogleResponse(fixture('generate-content-function-call.json'), CONTEXT);
    expect(body.choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_0_get_current_weather',
              type: 'function',
              function: { name: 'get_current_weather', arguments: '{"location":"Boston, MA"}' },
              extra_content: {
                google: { thought_signature: 'CiIBVKhc7oDm2Nqe2HOvVxZ5Vd0s3JqzR0zC1ZFsr9S5hY1s' },
              },
            },
          ],
        },
        logprobs: null,
        finish_reason: 'tool_calls',
      },
    ]);
  });

  it('reports an answer stopped by a safety filter as content_filter with no content', () => {
    const { body, usage } = parseGoogleResponse(fixture('generate-content-safety.json'), CONTEXT);
    expect(body.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: null },
        logprobs: null,
        finish_reason: 'content_filter',
      },
    ]);
    expect(body.model).toBe('gemini-2.0-flash');
    expect(usage).toEqual({
      promptTokens: 12,
      completionTokens: 0,
      cachedTokens: 0,
      reasoningTokens: 0,
    });
  });

  it('reports a blocked prompt as one content_filter choice, with a deterministic id', () => {
    const body = fixture('generate-content-prompt-blocked.json');
    const first = parseGoogleResponse(body, CONTEXT).body;
    expect(first.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: null },
        logprobs: null,
        finish_reason: 'content_filter',
      },
    ]);
    expect(first.id).toMatch(/^gemini-[0-9a-f]{24}$/);
    expect(parseGoogleResponse(body, CONTEXT).body.id).toBe(first.id);
  });

  it('maps every candidate to a choice and MAX_TOKENS to length', () => {
    const { body, usage } = parseGoogleResponse(
      {
        candidates: [
          { content: { parts: [{ text: 'One' }], role: 'model' }, finishReason: 'STOP', index: 0 },
          {
            content: { parts: [{ text: 'Two, cut' }], role: 'model' },
            finishReason: 'MAX_TOKENS',
            index: 1,
          },
          {
            content: { parts: [{ text: 'x' }], role: 'model' },
            finishReason: 'RECITATION',
            index: 2,
          },
        ],
      },
      CONTEXT,
    );
    expect(body.choices).toMatchObject([
      { index: 0, message: { content: 'One' }, finish_reason: 'stop' },
      { index: 1, message: { content: 'Two, cut' }, finish_reason: 'length' },
      { index: 2, finish_reason: 'content_filter' },
    ]);
    expect(body.model).toBe('gemini-2.5-flash');
    expect(body.usage).toBeUndefined();
    expect(usage).toBeUndefined();
  });
});
