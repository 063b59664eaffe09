import { chatCompletionRequestSchema } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { convertMessagesRequest } from './convert-messages-request.js';
import { messagesRequestSchema } from './messages-request-schema.js';

/** Parses like the route will, converts, and checks the result is a valid canonical request. */
function convert(body: Record<string, unknown>) {
  const result = convertMessagesRequest(
    messagesRequestSchema.parse({ model: 'claude-sonnet-4-5', max_tokens: 512, ...body }),
  );
  expect(chatCompletionRequestSchema.safeParse(result.request).error).toBeUndefined();
  return result;
}

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('convertMessagesRequest', () => {
  it('converts a plain request with its sampling fields and no warnings', () => {
    const { request, warnings } = convert({
      messages: [{ role: 'user', content: 'Hello' }],
      temperature: 0.2,
      top_p: 0.9,
      stop_sequences: ['\n\nHuman:'],
      metadata: { user_id: 'user-42' },
    });
    expect(request).toEqual({
      model: 'claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'Hello' }],
      max_tokens: 512,
      temperature: 0.2,
      top_p: 0.9,
      stop: ['\n\nHuman:'],
      user: 'user-42',
    });
    expect(warnings).toEqual([]);
  });

  it('puts a system string first', () => {
    const { request } = convert({
      system: 'You are terse.',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(request.messages[0]).toEqual({ role: 'system', content: 'You are terse.' });
    expect(request.messages).toHaveLength(2);
  });

  it('joins system text blocks as paragraphs', () => {
    const { request } = convert({
      system: [
        { type: 'text', text: 'You are a librarian.' },
        { type: 'text', text: 'Catalogue: …' },
      ],
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(request.messages[0]).toEqual({
      role: 'system',
      content: 'You are a librarian.\n\nCatalogue: …',
    });
  });

  it('keeps cache_control on the parts of system and user text (OpenRouter’s convention)', () => {
    const mark = { type: 'ephemeral', ttl: '1h' };
    const { request, warnings } = convert({
      system: [
        { type: 'text', text: 'You are a librarian.' },
        { type: 'text', text: 'Catalogue: …', cache_control: mark },
      ],
      tools: [{ name: 'find', input_schema: { type: 'object' }, cache_control: mark }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi', cache_control: mark }] }],
    });
    expect(request.messages).toEqual([
      {
        role: 'system',
        content: [
          { type: 'text', text: 'You are a librarian.' },
          { type: 'text', text: 'Catalogue: …', cache_control: mark },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'Hi', cache_control: mark }] },
    ]);
    expect(warnings).toEqual([
      'cache_control on tools cannot be carried to this provider and was ignored',
    ]);
  });

  it('carries PDF documents as file parts and text documents as text', () => {
    const { request, warnings } = convert({
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'document',
              title: 'report.pdf',
              source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0x' },
              cache_control: { type: 'ephemeral' },
            },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'notes' } },
            { type: 'text', text: 'Summarise.' },
          ],
        },
      ],
    });
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          {
            type: 'file',
            file: { file_data: 'data:application/pdf;base64,JVBERi0x', filename: 'report.pdf' },
            cache_control: { type: 'ephemeral' },
          },
          { type: 'text', text: 'notes' },
          { type: 'text', text: 'Summarise.' },
        ],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('asks for reasoning by effort for a thinking budget', () => {
    const effort = (budget_tokens: number) =>
      convert({
        messages: [{ role: 'user', content: 'Hi' }],
        thinking: { type: 'enabled', budget_tokens },
      }).request.reasoning_effort;
    expect([effort(1024), effort(2048), effort(8192), effort(16_000)]).toEqual([
      'low',
      'low',
      'medium',
      'high',
    ]);
    const disabled = convert({
      messages: [{ role: 'user', content: 'Hi' }],
      thinking: { type: 'disabled' },
    });
    expect(disabled.request).not.toHaveProperty('reasoning_effort');
    expect(disabled.warnings).toEqual([]);
  });

  it('turns base64 images into data URLs and url images into image_url parts', () => {
    const { request } = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
            { type: 'text', text: 'Compare these.' },
          ],
        },
      ],
    });
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          { type: 'text', text: 'Compare these.' },
        ],
      },
    ]);
  });

  it('always asks for usage when streaming', () => {
    const { request } = convert({ messages: [{ role: 'user', content: 'Hi' }], stream: true });
    expect(request).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(
      convert({ messages: [{ role: 'user', content: 'Hi' }], stream: false }).request,
    ).not.toHaveProperty('stream');
  });

  it('warns about top_k, extra stop sequences, unsupported blocks and unknown fields instead of dropping them silently', () => {
    const { request, warnings } = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Read this.' },
            { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
            { type: 'image', source: { type: 'file', file_id: 'file_011' } },
          ],
        },
      ],
      top_k: 40,
      stop_sequences: ['a', 'b', 'c', 'd', 'e'],
      service_tier: 'priority',
    });
    expect(request.stop).toEqual(['a', 'b', 'c', 'd']);
    expect(request).not.toHaveProperty('top_k');
    expect(request).not.toHaveProperty('service_tier');
    expect(request.messages).toEqual([{ role: 'user', content: 'Read this.' }]);
    expect(warnings).toEqual([
      'document sources of type url cannot be carried and were dropped',
      'image sources of type file are not supported and were dropped',
      'top_k has no OpenAI equivalent and was ignored',
      'only the first 4 stop_sequences were kept',
      'service_tier is not supported and was ignored',
    ]);
  });
});
