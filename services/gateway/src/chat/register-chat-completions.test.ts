// What /v1/chat/completions refuses before any upstream call: malformed content parts, `:free`
// and `@provider` variants a model does not have, provider preferences that allow nothing; and
// what an OpenAI-compatible upstream is sent of what it accepts.
import { describe, expect, it } from 'vitest';
import { useFakeUpstreamsGateway } from '../testing/fake-upstreams-gateway.js';

const upstreams = useFakeUpstreamsGateway();

const chat = (body: Record<string, unknown>) =>
  upstreams.post('/v1/chat/completions', {
    model: 'openai/gpt-4o-mini',
    messages: [{ role: 'user', content: 'hi' }],
    ...body,
  });
const withContent = (content: unknown, role = 'user') =>
  chat({
    messages: [role === 'tool' ? { role, content, tool_call_id: 'call_1' } : { role, content }],
  });

interface ErrorBody {
  error: { type: string; code: string; param: string | null; message: string };
}

describe('POST /v1/chat/completions', () => {
  it('refuses malformed content parts with 400 naming the field, calling no upstream', async () => {
    const cases: [unknown, string, string?][] = [
      [[{ type: 'text' }], 'messages[0].content[0].text'],
      [[{ type: 'text', text: 'ok' }, { type: 'image_url' }], 'messages[0].content[1].image_url'],
      [[{ type: 'image_url', image_url: {} }], 'messages[0].content[0].image_url.url'],
      [[{ type: 'image_url', image_url: { url: '' } }], 'messages[0].content[0].image_url.url'],
      [
        [{ type: 'input_audio', input_audio: { data: 'AAAA' } }],
        'messages[0].content[0].input_audio.format',
      ],
      [[{ type: 'file', file: {} }], 'messages[0].content[0].file'],
      [[{ type: 'video_blob', data: 'x' }], 'messages[0].content[0].type'],
      [[{ text: 'no type' }], 'messages[0].content[0].type'],
      [[{ type: 'text' }], 'messages[0].content[0].text', 'tool'],
    ];
    for (const [content, param, role] of cases) {
      const response = await withContent(content, role);
      expect(response.status, param).toBe(400);
      expect((response.json() as ErrorBody).error, param).toMatchObject({
        type: 'invalid_request_error',
        code: 'invalid_request',
        param,
      });
    }
    expect(upstreams.openai.requests).toHaveLength(0);
    expect(upstreams.outcomes.every((outcome) => outcome.status === 400)).toBe(true);
  });

  it('passes well-formed parts of every OpenAI kind on', async () => {
    const response = await withContent([
      { type: 'text', text: 'look' },
      { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
      { type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } },
      { type: 'file', file: { file_id: 'file-1' } },
    ]);
    expect(response.status).toBe(200);
    expect(upstreams.openai.requests).toHaveLength(1);
  });

  it('answers a :free or @provider variant the model lacks with 404 model_not_found', async () => {
    for (const model of ['openai/gpt-4o-mini:free', 'openai/gpt-4o-mini@google']) {
      const response = await chat({ model });
      expect(response.status, model).toBe(404);
      const { error } = response.json() as ErrorBody;
      expect(error, model).toMatchObject({ code: 'model_not_found', param: 'model' });
      expect(error.message, model).toMatch(/has no (free )?route/);
    }
    expect(upstreams.openai.requests).toHaveLength(0);
  });

  it('refuses provider preferences that allow no route with 400 naming them', async () => {
    const empty = await chat({ provider: { only: [] } });
    expect(empty.status).toBe(400);
    expect((empty.json() as ErrorBody).error).toMatchObject({
      code: 'invalid_request',
      param: 'provider.only',
    });
    const elsewhere = await chat({ provider: { only: ['google'] } });
    expect(elsewhere.status).toBe(400);
    expect((elsewhere.json() as ErrorBody).error).toMatchObject({ param: 'provider' });
    expect((elsewhere.json() as ErrorBody).error.message).toContain('its providers: openai');
    expect(upstreams.openai.requests).toHaveLength(0);
  });

  it('sends an OpenAI-compatible upstream the caller’s text with only the gateway’s fields set', async () => {
    const text =
      '{"model": "openai/gpt-4o-mini", "models": ["openai/gpt-4o"],\n "messages": [{"role": "user", "content": "caf\\u00e9 \\/ hi"}], "temperature": 1.0, "stream": true}';
    const response = await upstreams.post('/v1/chat/completions', text);
    expect(response.status).toBe(200);
    expect(upstreams.openai.requests.map((request) => request.rawBody)).toEqual([
      '{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "caf\\u00e9 \\/ hi"}], "temperature": 1.0, "stream": true,"stream_options":{"include_usage":true}}',
    ]);
  });
});
