import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { assembleChatStream, createStreamAnswer, readChunks } from './create-stream-answer.js';

const event = (chunk: unknown) => `data: ${JSON.stringify(chunk)}\n\n`;
const meta = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 7, model: 'gpt-4o' };

describe('assembleChatStream', () => {
  it('adds text, reasoning and tool-call fragments up per choice', () => {
    const sse = [
      event({ ...meta, choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] }),
      event({ ...meta, choices: [{ index: 0, delta: { content: 'Hel' } }] }),
      event({ ...meta, choices: [{ index: 1, delta: { reasoning_content: 'think' } }] }),
      event({ ...meta, choices: [{ index: 0, delta: { content: 'lo' }, finish_reason: 'stop' }] }),
      event({
        ...meta,
        choices: [
          {
            index: 1,
            delta: {
              tool_calls: [
                {
                  index: 0,
                  id: 'call_1',
                  type: 'function',
                  function: { name: 'get', arguments: '' },
                },
              ],
            },
          },
        ],
      }),
      event({
        ...meta,
        choices: [
          { index: 1, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] } },
        ],
      }),
      event({
        ...meta,
        choices: [
          {
            index: 1,
            delta: { tool_calls: [{ index: 0, function: { arguments: '1}' } }] },
            finish_reason: 'tool_calls',
          },
        ],
      }),
      event({ ...meta, choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } }),
      event({ error: { message: 'ignored' } }),
      'data: [DONE]\n\n',
    ].join('');
    expect(assembleChatStream(readChunks([sse]))).toEqual({
      object: 'chat.completion',
      id: 'chatcmpl-1',
      created: 7,
      model: 'gpt-4o',
      usage: { prompt_tokens: 3, completion_tokens: 4 },
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' },
        {
          index: 1,
          message: {
            role: 'assistant',
            content: null,
            reasoning_content: 'think',
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'get', arguments: '{"a":1}' } },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
    });
  });

  it('skips what is not JSON', () => {
    expect(assembleChatStream(readChunks([': keep-alive\n\ndata: {oops\n\n']))).toEqual({
      object: 'chat.completion',
      choices: [],
    });
  });
});

describe('createStreamAnswer', () => {
  it('counts the tokens of what the client received, pushed in arbitrary pieces', () => {
    const answer = createStreamAnswer(64 * 1024);
    const text = event({
      ...meta,
      choices: [{ index: 0, delta: { content: 'The quick brown fox' } }],
    });
    answer.passThrough(text.slice(0, 10));
    answer.passThrough(text.slice(10));
    expect(answer.completionTokens()).toBe(countTokens('The quick brown fox'));
    expect(answer.json()).toMatchObject({
      choices: [{ message: { content: 'The quick brown fox' } }],
    });
  });

  it('keeps only the beginning of a long stream and extrapolates its tokens', () => {
    const answer = createStreamAnswer(64 * 1024);
    const piece = event({
      ...meta,
      choices: [{ index: 0, delta: { content: 'word '.repeat(200) } }],
    });
    const pieces = Math.ceil((1024 * 1024) / piece.length);
    for (let index = 0; index < pieces; index++) answer.passThrough(piece);
    expect(JSON.stringify(answer.json()).length).toBeLessThan(64 * 1024);
    expect(answer.truncated).toBe(true);
    const exact = countTokens('word '.repeat(200)) * pieces;
    expect(answer.completionTokens()).toBeGreaterThan(exact * 0.95);
    expect(answer.completionTokens()).toBeLessThan(exact * 1.05);
  });
});
