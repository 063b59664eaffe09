import type { ChatMessage } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { convertGoogleMessages } from './convert-google-messages.js';

const refusal = (messages: ChatMessage[]): ProviderError => {
  try {
    convertGoogleMessages(messages, () => {});
  } catch (error: unknown) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('the messages were not refused');
};

describe('convertGoogleMessages', () => {
  it('replays tool calls as functionCall parts and tool results as functionResponse parts', () => {
    const json = convertGoogleMessages(
      [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_0_get_weather',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
              extra_content: { google: { thought_signature: 'c2lnbmF0dXJl' } },
            },
            {
              id: 'call_1_get_weather',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Rome"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_0_get_weather', content: '{"temp":21}' },
        { role: 'tool', tool_call_id: 'call_1_get_weather', content: 'sunny, 25 °C' },
        { role: 'user', content: 'Thanks' },
      ],
      () => {},
    );
    expect(json.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Paris and Rome?' }] },
      {
        role: 'model',
        parts: [
          {
            functionCall: { name: 'get_weather', args: { city: 'Paris' } },
            thoughtSignature: 'c2lnbmF0dXJl',
          },
          { functionCall: { name: 'get_weather', args: { city: 'Rome' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'get_weather', response: { temp: 21 } } },
          { functionResponse: { name: 'get_weather', response: { content: 'sunny, 25 °C' } } },
          { text: 'Thanks' },
        ],
      },
    ]);
  });

  it('refuses tool call arguments that are not a JSON object, and unknown tool_call_ids', () => {
    const call = (args: string): ChatMessage[] => [
      {
        role: 'assistant',
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: args } }],
      },
    ];
    for (const args of ['{"city":', '[1,2]']) {
      expect(refusal(call(args))).toMatchObject({
        kind: 'invalid_request',
        status: 400,
        code: 'invalid_value',
        param: 'messages[0].tool_calls[0].function.arguments',
        retryable: false,
      });
    }
    expect(refusal([{ role: 'tool', tool_call_id: 'nope', content: 'x' }])).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      param: 'messages[0].tool_call_id',
    });
  });

  it('treats empty arguments as {} and wraps a tool result that is not a JSON object', () => {
    const { contents } = convertGoogleMessages(
      [
        {
          role: 'assistant',
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'now', arguments: '' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: [{ type: 'text', text: '[1,2]' }] },
      ],
      () => {},
    );
    expect(contents).toEqual([
      { role: 'model', parts: [{ functionCall: { name: 'now', args: {} } }] },
      {
        role: 'user',
        parts: [{ functionResponse: { name: 'now', response: { content: '[1,2]' } } }],
      },
    ]);
  });
});
