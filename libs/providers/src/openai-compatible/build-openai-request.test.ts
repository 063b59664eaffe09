import { type ChatCompletionRequest, readJsonObjectText } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { buildOpenAiRequest, type OpenAiRequestOptions } from './build-openai-request.js';

const target = {
  baseUrl: 'http://upstream.test/v1',
  upstreamModel: 'gpt-4o',
  apiKey: 'sk-upstream',
  extraHeaders: {},
};
const PLAIN: OpenAiRequestOptions = {
  provider: 'openai-compatible',
  keepsCacheControl: false,
  keepsProviderPreferences: false,
};
const OPENROUTER: OpenAiRequestOptions = {
  provider: 'openrouter',
  keepsCacheControl: true,
  keepsProviderPreferences: true,
};

/** The request parsed from `text`, with `fitted` set as fitting sets completion caps. */
function parsed(text: string, fitted: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest {
  return { ...(JSON.parse(text) as ChatCompletionRequest), ...fitted };
}

describe('buildOpenAiRequest from the caller’s text', () => {
  const bodies = [
    '{"model":"bench/gpt","messages":[{"role":"user","content":"hi"}]}',
    '{"model":"bench/gpt","messages":[{"role":"user","content":"hi"}],"stream":true}',
    '{"stream":true,"stream_options":{"include_usage":false,"x":1},"model":"m","messages":[{"role":"user","content":"hi"}]}',
    '{"model":"m","models":["a/b","c/d"],"provider":{"order":["x"]},"messages":[{"role":"user","content":"hi"}],"max_tokens":9}',
    '{"model":"m","messages":[{"role":"system","content":"s"},{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c","content":"ok"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],"max_completion_tokens":null}',
    '{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"a","cache_control":{"type":"ephemeral"}}]}]}',
  ];
  const fits: Partial<ChatCompletionRequest>[] = [
    {},
    { max_tokens: 100 },
    { max_completion_tokens: 50 },
  ];

  it('sends what re-serialising the request would send, for every server and fit', () => {
    for (const options of [PLAIN, OPENROUTER]) {
      for (const text of bodies) {
        for (const fit of fits) {
          const request = parsed(text, fit);
          const fromText = buildOpenAiRequest(request, target, options, readJsonObjectText(text));
          const fromObject = buildOpenAiRequest(request, target, options);
          expect(JSON.parse(fromText.body ?? ''), `${options.provider} ${text}`).toEqual(
            JSON.parse(fromObject.body ?? ''),
          );
          expect(fromText.warnings).toEqual(fromObject.warnings);
          expect(fromText.headers).toEqual(fromObject.headers);
          expect(fromText.url).toBe(fromObject.url);
        }
      }
    }
  });

  it('keeps the caller’s spelling of everything it does not set', () => {
    const text =
      '{ "model" : "bench/gpt",\n  "messages": [{"role": "user", "content": "caf\\u00e9 \\/ 1"}],\n  "temperature": 1.0, "seed": 1e2, "models": ["a/b"] }';
    const built = buildOpenAiRequest(
      parsed(text, { max_tokens: 64 }),
      target,
      PLAIN,
      readJsonObjectText(text),
    );
    expect(built.body).toBe(
      '{ "model" : "gpt-4o",\n  "messages": [{"role": "user", "content": "caf\\u00e9 \\/ 1"}],\n  "temperature": 1.0, "seed": 1e2 ,"max_tokens":64}',
    );
  });

  it('re-serialises a body whose cache_control marks a plain server would refuse', () => {
    const text = bodies[5] ?? '';
    const built = buildOpenAiRequest(parsed(text), target, PLAIN, readJsonObjectText(text));
    expect(built.body).not.toContain('cache_control');
    expect(built.warnings).toEqual([
      'cache_control is not supported by openai-compatible and was ignored',
    ]);
    const kept = buildOpenAiRequest(parsed(text), target, OPENROUTER, readJsonObjectText(text));
    expect(kept.body).toBe(text.replace('"model":"m"', '"model":"gpt-4o"'));
  });
});
