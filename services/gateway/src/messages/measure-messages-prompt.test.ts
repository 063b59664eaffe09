import { convertMessagesRequest, type MessagesRequest } from '@switchyard/providers';
import { describe, expect, it } from 'vitest';
import { measurePrompt } from '../routing/fit-max-tokens.js';
import { measureMessagesPrompt } from './measure-messages-prompt.js';

const PNG = { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } as const;

/** The measure of the request's translation to chat, which the pipeline measured before. */
const translatedMeasure = (request: MessagesRequest) =>
  measurePrompt(convertMessagesRequest(request).request);

describe('measureMessagesPrompt', () => {
  it('measures text, images, documents and tool results as the translated request measures', () => {
    const request: MessagesRequest = {
      model: 'claude',
      max_tokens: 100,
      system: 'You are terse.',
      messages: [
        { role: 'user', content: 'Read the file, and look at this.' },
        { role: 'assistant', content: [{ type: 'text', text: 'Here is what I see.' }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't1', content: 'export const a = 1;' },
            {
              type: 'tool_result',
              tool_use_id: 't2',
              content: [{ type: 'text', text: 'line one' }],
            },
            { type: 'text', text: 'And this picture:' },
            { type: 'image', source: PNG },
          ],
        },
        { role: 'assistant', content: 'Anything else?' },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 't3',
              content: [
                {
                  type: 'document',
                  source: {
                    type: 'text',
                    media_type: 'text/plain',
                    data: 'A notes file. '.repeat(200),
                  },
                },
              ],
            },
            {
              type: 'document',
              source: { type: 'text', media_type: 'text/plain', data: 'The spec. '.repeat(300) },
            },
          ],
        },
      ],
    };
    const native = measureMessagesPrompt(request);
    const translated = translatedMeasure(request);
    expect(native.upperBound).toBe(translated.upperBound);
    expect(native.count()).toBe(translated.count());
    expect(native.estimate()).toBe(translated.estimate());
  });

  it('counts tool calls and tool definitions as their JSON, within a few percent of the translation', () => {
    const tools = Array.from({ length: 5 }, (_, index) => ({
      name: `tool_${index}`,
      description: 'Reads a file from the workspace. '.repeat(10),
      input_schema: { type: 'object', properties: { path: { type: 'string' } } },
    }));
    const request: MessagesRequest = {
      model: 'claude',
      max_tokens: 100,
      system: [{ type: 'text', text: 'You are a coding agent. '.repeat(20) }],
      tools,
      messages: [
        { role: 'user', content: 'Find the bug.' },
        ...Array.from({ length: 10 }, (_, index) => [
          {
            role: 'assistant' as const,
            content: [
              { type: 'text' as const, text: 'Reading.' },
              {
                type: 'tool_use' as const,
                id: `toolu_${index}`,
                name: 'tool_0',
                input: { path: `/src/file-${index}.ts` },
              },
            ],
          },
          {
            role: 'user' as const,
            content: [
              {
                type: 'tool_result' as const,
                tool_use_id: `toolu_${index}`,
                content: 'const x = "y";\n'.repeat(20),
              },
            ],
          },
        ]).flat(),
      ],
    };
    const native = measureMessagesPrompt(request);
    const translated = translatedMeasure(request);
    expect(native.count() / translated.count()).toBeGreaterThan(0.95);
    expect(native.count() / translated.count()).toBeLessThan(1.05);
    expect(native.upperBound / translated.upperBound).toBeGreaterThan(0.9);
    expect(native.upperBound / translated.upperBound).toBeLessThan(1.1);
  });

  it('bounds a tool input full of escapes by its serialised bytes, above its tokens', () => {
    for (const filler of ['\u0001', '"', '\n', '\\']) {
      const request: MessagesRequest = {
        model: 'claude',
        max_tokens: 100,
        messages: [
          { role: 'user', content: 'Write the file.' },
          {
            role: 'assistant',
            content: [
              {
                type: 'tool_use',
                id: 'toolu_1',
                name: 'Write',
                input: { path: 'a.txt', content: filler.repeat(2_000) },
              },
            ],
          },
        ],
      };
      const prompt = measureMessagesPrompt(request);
      // estimate() is the exact o200k count (short texts) plus the same fixed costs.
      expect(prompt.upperBound, JSON.stringify(filler)).toBeGreaterThanOrEqual(prompt.estimate());
    }
  });

  it('leaves thinking out, as the translation does', () => {
    const plain: MessagesRequest = {
      model: 'claude',
      max_tokens: 100,
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello' }] },
      ],
    };
    const thinking: MessagesRequest = {
      ...plain,
      messages: [
        { role: 'user', content: 'Hi' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'The user greets me. '.repeat(50), signature: 's' },
            { type: 'text', text: 'Hello' },
          ],
        },
      ],
    };
    expect(measureMessagesPrompt(thinking).upperBound).toBe(
      measureMessagesPrompt(plain).upperBound,
    );
  });
});
