// /v1/messages answered by another provider: its reasoning comes back in Anthropic's shape,
// thinking blocks first (signed when the provider signed it), streamed and not.
import { describe, expect, it } from 'vitest';
import { convertChatCompletionToMessage } from './convert-chat-completion-to-message.js';
import { createMessagesStreamTranslator } from './create-messages-stream-translator.js';

const completion = (message: Record<string, unknown>) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gemini',
  choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: 'stop' }],
});

describe('reasoning in a translated message', () => {
  it('puts reasoning first as a thinking block', () => {
    const message = convertChatCompletionToMessage(
      completion({ content: 'Answer', reasoning: 'Let me think' }),
      'm',
    );
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Let me think', signature: '' },
      { type: 'text', text: 'Answer' },
    ]);
  });

  it('keeps the blocks and signatures of reasoning_details, redacted thinking too', () => {
    const message = convertChatCompletionToMessage(
      completion({
        content: 'Answer',
        reasoning: 'a',
        reasoning_details: [
          { type: 'reasoning.text', text: 'a', signature: 'c2ln' },
          { type: 'reasoning.encrypted', data: 'ZW5j' },
        ],
      }),
      'm',
    );
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'a', signature: 'c2ln' },
      { type: 'redacted_thinking', data: 'ZW5j' },
      { type: 'text', text: 'Answer' },
    ]);
  });

  it('streams delta.reasoning as a thinking block, closed by its signature, before the text', () => {
    const translator = createMessagesStreamTranslator({ requestedModel: 'm', messageId: 'msg_1' });
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      translator.chunk({
        id: 'c',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'x',
        choices: [{ index: 0, delta, finish_reason: finish }],
      });
    chunk({ role: 'assistant', reasoning: 'Let me ' });
    chunk({ reasoning: 'think' });
    chunk({ reasoning_details: [{ type: 'reasoning.text', text: '', signature: 'c2ln' }] });
    chunk({ content: 'Answer' });
    chunk({}, 'stop');
    translator.done();
    const events = translator
      .take()
      .split('\n\n')
      .filter((block) => block !== '')
      .map((block) => JSON.parse(block.split('\n')[1]?.slice(6) ?? '') as Record<string, unknown>);
    const shape = events.map((event) =>
      [
        event.type,
        (event.content_block as { type?: string })?.type ??
          (event.delta as { type?: string })?.type,
      ]
        .filter(Boolean)
        .join(':'),
    );
    expect(shape).toEqual([
      'message_start',
      'content_block_start:thinking',
      'content_block_delta:thinking_delta',
      'content_block_delta:thinking_delta',
      'content_block_delta:signature_delta',
      'content_block_stop',
      'content_block_start:text',
      'content_block_delta:text_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events[4]).toMatchObject({ index: 0, delta: { signature: 'c2ln' } });
    expect(events[6]).toMatchObject({ index: 1 });
  });
});
