// What /v1/messages refuses (malformed blocks, in Anthropic's error body) and what it names in
// x-switchyard-warnings (block types it cannot carry) instead of dropping them silently.
import { describe, expect, it } from 'vitest';
import { useFakeUpstreamsGateway } from '../testing/fake-upstreams-gateway.js';

const upstreams = useFakeUpstreamsGateway();

const messages = (content: unknown, extra: Record<string, unknown> = {}) =>
  upstreams.post('/v1/messages', {
    model: 'openai/gpt-4o-mini',
    max_tokens: 16,
    messages: [{ role: 'user', content }],
    ...extra,
  });

interface AnthropicError {
  type: 'error';
  error: { type: string; message: string };
}

describe('POST /v1/messages', () => {
  it('refuses malformed blocks with 400 naming the field, calling no upstream', async () => {
    const cases: [unknown, string][] = [
      [[{ type: 'text' }], 'messages[0].content[0].text'],
      [[{ type: 'image' }], 'messages[0].content[0].source'],
      [[{ type: 'image', source: { type: 'url' } }], 'messages[0].content[0].source.url'],
      [[{ type: 'tool_result' }], 'messages[0].content[0].tool_use_id'],
      [
        [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text' }] }],
        'messages[0].content[0].content[0].text',
      ],
      [[{ type: 'thinking', thinking: 'not in a user turn' }], 'messages[0].content[0].type'],
      [[{ text: 'no type' }], 'messages[0].content[0].type'],
    ];
    for (const [content, field] of cases) {
      const response = await messages(content);
      expect(response.status, field).toBe(400);
      const body = response.json() as AnthropicError;
      expect(body.error.type, field).toBe('invalid_request_error');
      expect(body.error.message, field).toContain(`${field}:`);
    }
    expect(upstreams.openai.requests).toHaveLength(0);
  });

  it('names an unknown block type in x-switchyard-warnings, streamed or not', async () => {
    for (const stream of [false, true]) {
      const response = await messages(
        [
          { type: 'search_result', source: 'https://example.com', title: 't', content: [] },
          { type: 'text', text: 'summarise' },
        ],
        { stream },
      );
      expect(response.status).toBe(200);
      expect(response.headers['x-switchyard-warnings']).toBe(
        'search_result content blocks are not supported and were dropped',
      );
    }
    expect(upstreams.openai.requests.at(-1)?.body).toMatchObject({
      messages: [{ role: 'user', content: 'summarise' }],
    });
  });

  it('refuses a request left with nothing to send once unknown blocks are dropped', async () => {
    const response = await messages([
      { type: 'search_result', source: 'https://example.com', title: 't', content: [] },
    ]);
    expect(response.status).toBe(400);
    expect((response.json() as AnthropicError).error.message).toContain(
      'search_result content blocks are not supported',
    );
    expect(upstreams.openai.requests).toHaveLength(0);
  });
});
