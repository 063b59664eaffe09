import { describe, expect, it } from 'vitest';
import { buildAnthropicRequest } from './build-anthropic-request.js';
import { build, hi, refusal, target } from './build-anthropic-request.test-helpers.js';

describe('buildAnthropicRequest', () => {
  it('posts to /messages with the API key, the version header and the upstream model', () => {
    const { built, body } = build({ messages: hi, stream: true });
    expect(built.url).toBe('https://api.anthropic.com/v1/messages');
    expect(built.method).toBe('POST');
    expect(built.headers).toEqual({
      'x-api-key': 'sk-ant-upstream',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'context-1m-2025-08-07',
      'content-type': 'application/json',
    });
    expect(body).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      max_tokens: 256,
      stream: true,
    });
    expect(built.warnings).toEqual([]);
  });

  it('sends no x-api-key when the target has no credential', () => {
    const built = buildAnthropicRequest(
      { model: 'm', max_tokens: 5, messages: hi },
      { ...target, apiKey: undefined },
    );
    expect(built.headers['x-api-key']).toBeUndefined();
  });

  describe('system prompt', () => {
    it('lifts a single system message into a string', () => {
      const { body } = build({ messages: [{ role: 'system', content: 'Be terse.' }, ...hi] });
      expect(body.system).toBe('Be terse.');
      expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
    });

    it('lifts several system and developer messages into text blocks, in order', () => {
      const { body, built } = build({
        messages: [
          { role: 'system', content: 'Be terse.' },
          { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
          ...hi,
        ],
      });
      expect(body.system).toEqual([
        { type: 'text', text: 'Be terse.' },
        { type: 'text', text: 'Answer in French.' },
      ]);
      expect(built.warnings).toEqual([]);
    });

    it('warns when a system message arrives after the conversation started', () => {
      const { body, built } = build({
        messages: [...hi, { role: 'system', content: 'Now be formal.' }],
      });
      expect(body.system).toBe('Now be formal.');
      expect(built.warnings).toEqual([expect.stringMatching(/moved into the system prompt/)]);
    });

    it('refuses an image in the system prompt', () => {
      const error = refusal({
        messages: [
          {
            role: 'system',
            content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }],
          },
          ...hi,
        ],
      });
      expect(error).toMatchObject({ kind: 'invalid_request', status: 400 });
      expect(error.code).toBe('unsupported_parameter');
    });
  });

  describe('images', () => {
    const withImage = (url: string, detail?: 'low' | 'high') =>
      build({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: detail ? { url, detail } : { url } },
            ],
          },
        ],
      });

    it('sends a data: URL as a base64 source', () => {
      const { body } = withImage('data:image/png;base64,iVBORw0KGgo=');
      expect(body.messages).toEqual([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            {
              type: 'image',
              source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' },
            },
          ],
        },
      ]);
    });

    it('sends an https URL as a url source, warning that detail is not carried', () => {
      const { body, built } = withImage('https://upload.wikimedia.org/cat.jpg', 'high');
      expect(body.messages).toMatchObject([
        {
          content: [
            {},
            { type: 'image', source: { type: 'url', url: 'https://upload.wikimedia.org/cat.jpg' } },
          ],
        },
      ]);
      expect(built.warnings).toEqual([
        'image_url.detail is not supported by anthropic and was ignored',
      ]);
    });

    it('refuses an image URL that is neither base64 data nor http(s)', () => {
      const error = refusal({
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: 'file:///etc/passwd' } }],
          },
        ],
      });
      expect(error).toMatchObject({
        kind: 'invalid_request',
        code: 'unsupported_parameter',
        param: 'messages[0].content[0].image_url.url',
      });
    });

    it('refuses content parts Anthropic cannot take, such as audio', () => {
      const error = refusal({
        messages: [
          {
            role: 'user',
            content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }],
          },
        ],
      });
      expect(error).toMatchObject({
        status: 400,
        code: 'unsupported_parameter',
        param: 'messages[0].content[0]',
      });
    });
  });

  it('merges consecutive turns of one role so the roles alternate', () => {
    const { body } = build({
      messages: [
        { role: 'user', content: 'one' },
        { role: 'user', content: [{ type: 'text', text: 'two' }] },
        { role: 'assistant', content: null },
        { role: 'user', content: 'three' },
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'one' },
          { type: 'text', text: 'two' },
          { type: 'text', text: 'three' },
        ],
      },
    ]);
  });

  describe('generation options', () => {
    it('carries max_completion_tokens, temperature, top_p, stop and user', () => {
      const { body, built } = build({
        messages: hi,
        max_tokens: 999,
        max_completion_tokens: 512,
        temperature: 0.4,
        top_p: 0.9,
        stop: 'END',
        user: 'user-42',
      });
      expect(body).toMatchObject({
        max_tokens: 512,
        temperature: 0.4,
        top_p: 0.9,
        stop_sequences: ['END'],
        metadata: { user_id: 'user-42' },
      });
      expect(built.warnings).toEqual([]);
    });

    it('lowers a temperature above 1 to 1, with a warning', () => {
      const { body, built } = build({ messages: hi, temperature: 1.7 });
      expect(body.temperature).toBe(1);
      expect(built.warnings).toEqual([
        "temperature 1.7 is above anthropic's maximum of 1 and was lowered to 1",
      ]);
    });

    it('refuses n > 1 as an unsupported parameter, and accepts n = 1', () => {
      expect(refusal({ messages: hi, n: 2 })).toMatchObject({
        kind: 'invalid_request',
        status: 400,
        code: 'unsupported_parameter',
        param: 'n',
        retryable: false,
      });
      expect(build({ messages: hi, n: 1 }).built.warnings).toEqual([]);
    });

    it('refuses a request without any token limit', () => {
      expect(refusal({ messages: hi, max_tokens: null })).toMatchObject({
        kind: 'invalid_request',
        status: 400,
        param: 'max_tokens',
      });
    });
  });

  describe('fields Anthropic cannot carry', () => {
    it('drops seed, penalties, logit_bias, logprobs and unknown fields with a warning each', () => {
      const { body, built } = build({
        messages: hi,
        seed: 7,
        frequency_penalty: 0.5,
        presence_penalty: -0.2,
        logit_bias: { '50256': -100 },
        logprobs: true,
        store: true,
      });
      expect(built.warnings).toEqual([
        'seed is not supported by anthropic and was ignored',
        'frequency_penalty is not supported by anthropic and was ignored',
        'presence_penalty is not supported by anthropic and was ignored',
        'logit_bias is not supported by anthropic and was ignored',
        'logprobs is not supported by anthropic and was ignored',
        'store is not supported by anthropic and was ignored',
      ]);
      for (const field of ['seed', 'frequency_penalty', 'logit_bias', 'logprobs', 'store']) {
        expect(body).not.toHaveProperty(field);
      }
    });

    it('stays quiet about fields that ask for nothing, and about routing fields', () => {
      const { body, built } = build({
        messages: hi,
        seed: null,
        frequency_penalty: 0,
        logit_bias: {},
        logprobs: false,
        models: ['anthropic/claude-haiku'],
        provider: { order: ['anthropic'] },
        stream_options: { include_usage: true },
      });
      expect(built.warnings).toEqual([]);
      expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model']);
    });

    it('warns once about message names', () => {
      const { built } = build({
        messages: [
          { role: 'user', content: 'a', name: 'alice' },
          { role: 'assistant', content: 'b', name: 'bot' },
        ],
      });
      expect(built.warnings).toEqual([
        'messages[].name is not supported by anthropic and was ignored',
      ]);
    });
  });

  describe('response_format', () => {
    it('sends json_schema as structured output', () => {
      const schema = {
        type: 'object',
        properties: { answer: { type: 'number' } },
        required: ['answer'],
        additionalProperties: false,
      };
      const { body, built } = build({
        messages: hi,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'answer', schema, strict: true },
        },
      });
      expect(body.output_config).toEqual({ format: { type: 'json_schema', schema } });
      expect(built.warnings).toEqual([]);
    });

    it('warns that json_object is not enforced, without touching the prompt', () => {
      const { body, built } = build({ messages: hi, response_format: { type: 'json_object' } });
      expect(body.output_config).toBeUndefined();
      expect(body.system).toBeUndefined();
      expect(built.warnings).toEqual([expect.stringMatching(/^response_format json_object/)]);
    });
  });
});
