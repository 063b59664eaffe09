import { readJsonObjectText } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { buildResponsesRequest } from './build-responses-request.js';

const target = {
  baseUrl: 'http://upstream.test/v1',
  upstreamModel: 'gpt-5',
  apiKey: 'sk-upstream',
  extraHeaders: {},
};

describe('buildResponsesRequest from the caller’s text', () => {
  it('sends what re-serialising the body would send, a lowered cap included', () => {
    const texts = [
      '{"model":"openai/gpt-5","input":"hi"}',
      '{"input":[{"role":"user","content":"hi"}],"model":"m","stream":true,"store":false,"max_output_tokens":9000}',
      '{"model":"m","models":["a/b"],"provider":{"order":["x"]},"input":"hi","tools":[{"type":"function","name":"f","parameters":{"type":"object"}}]}',
    ];
    for (const text of texts) {
      for (const cap of [undefined, 100]) {
        const body = JSON.parse(text) as Record<string, unknown>;
        if (cap !== undefined) body.max_output_tokens = cap;
        const fromText = buildResponsesRequest(body, target, readJsonObjectText(text));
        const fromObject = buildResponsesRequest(body, target);
        expect(JSON.parse(fromText.body ?? ''), text).toEqual(JSON.parse(fromObject.body ?? ''));
        expect(fromText.url).toBe('http://upstream.test/v1/responses');
        expect(fromText.headers).toEqual(fromObject.headers);
      }
    }
  });

  it('keeps the caller’s spelling of everything it does not set', () => {
    const text = '{ "model": "m", "input": "caf\\u00e9",\n "temperature": 1.0, "provider": {} }';
    const built = buildResponsesRequest(JSON.parse(text), target, readJsonObjectText(text));
    expect(built.body).toBe('{ "model": "gpt-5", "input": "caf\\u00e9",\n "temperature": 1.0 }');
  });
});
