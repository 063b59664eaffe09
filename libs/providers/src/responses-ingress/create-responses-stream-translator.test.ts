import { type ChatCompletionChunk, responsesRequestSchema } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { createResponsesStreamTranslator } from './create-responses-stream-translator.js';

const context = {
  id: 'resp_abc',
  createdAt: 1_700_000_000,
  model: 'anthropic/claude',
  request: responsesRequestSchema.parse({ model: 'anthropic/claude', input: 'hi' }),
};

const chunk = (
  delta: Record<string, unknown>,
  finish: string | null = null,
): ChatCompletionChunk => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'x',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

/** The events of SSE text, checking every `event:` line names its data's type. */
function events(text: string): Record<string, unknown>[] {
  return text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      const data = JSON.parse(dataLine?.replace(/^data: /, '') ?? '') as Record<string, unknown>;
      expect(eventLine).toBe(`event: ${String(data.type)}`);
      return data;
    });
}

describe('createResponsesStreamTranslator', () => {
  it('writes reasoning, text and a function call as typed events, in order and numbered', () => {
    const translator = createResponsesStreamTranslator(context);
    translator.chunk(chunk({ role: 'assistant', reasoning: 'hmm ' }));
    translator.chunk(chunk({ reasoning: 'ok' }));
    translator.chunk(chunk({ content: 'Hel' }));
    translator.chunk(chunk({ content: 'lo' }));
    translator.chunk(
      chunk({
        tool_calls: [
          { index: 0, id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '' } },
        ],
      }),
    );
    translator.chunk(chunk({ tool_calls: [{ index: 0, function: { arguments: '{"q":' } }] }));
    translator.chunk(
      chunk({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }, 'tool_calls'),
    );
    translator.chunk({
      id: 'c',
      choices: [],
      usage: { prompt_tokens: 5, completion_tokens: 9, total_tokens: 14, cost: 0.002 },
    });
    translator.done();
    const written = events(translator.take());
    expect(written.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(written.map((event) => event.sequence_number)).toEqual(written.map((_, index) => index));
    expect(written[0]).toMatchObject({
      response: { id: 'resp_abc', status: 'in_progress', output: [] },
    });
    expect(written[13]).toMatchObject({
      item_id: 'msg_abc_1',
      output_index: 1,
      content_index: 0,
      text: 'Hello',
    });
    expect(written[19]).toMatchObject({
      item_id: 'fc_abc_2',
      output_index: 2,
      arguments: '{"q":1}',
    });
    const completed = written.at(-1)?.response;
    expect(completed).toMatchObject({
      status: 'completed',
      output: [
        { type: 'reasoning', summary: [{ type: 'summary_text', text: 'hmm ok' }] },
        { type: 'message', content: [{ type: 'output_text', text: 'Hello' }] },
        { type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{"q":1}' },
      ],
      usage: { input_tokens: 5, output_tokens: 9, total_tokens: 14, cost: 0.002 },
    });
    expect(translator.response).toEqual(completed);
    expect(translator.end()).toBe('');
  });

  it('reads an OpenAI-compatible upstream pass-through and ends incomplete when cut by length', () => {
    const translator = createResponsesStreamTranslator(context);
    translator.passThrough(`data: ${JSON.stringify(chunk({ content: 'partial' }))}\n\n`);
    translator.passThrough(`data: ${JSON.stringify(chunk({}, 'length'))}\n\ndata: [DONE]\n\n`);
    const written = events(translator.take() + translator.end());
    expect(written.at(-1)).toMatchObject({
      type: 'response.incomplete',
      response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } },
    });
  });

  it('ends a failed stream with an error event and nothing after it', () => {
    const translator = createResponsesStreamTranslator(context);
    translator.chunk(chunk({ content: 'Hi' }));
    const error = translator.error({
      message: 'overloaded',
      type: 'server_error',
      code: 'upstream_error',
      param: null,
    });
    const before = events(translator.take());
    expect(events(error)).toEqual([
      {
        type: 'error',
        sequence_number: before.length,
        code: 'upstream_error',
        message: 'overloaded',
        param: null,
      },
    ]);
    expect(translator.end()).toBe('');
    expect(translator.response).toBeUndefined();
  });

  it('ends a stream that stopped early with an error event', () => {
    const translator = createResponsesStreamTranslator(context);
    translator.chunk(chunk({ content: 'Hi' }));
    const written = events(translator.take() + translator.end());
    expect(written.at(-1)).toMatchObject({ type: 'error', code: 'incomplete_stream' });
  });

  it('writes the Response response.created and .in_progress carry as serialising each event would', () => {
    const request = responsesRequestSchema.parse({
      model: 'anthropic/claude',
      input: 'hi',
      instructions: 'Be "brief".\n',
      tools: [{ type: 'function', name: 'read', parameters: { type: 'object' } }],
    });
    const translator = createResponsesStreamTranslator({ ...context, request });
    translator.chunk(chunk({ content: 'Hi' }));
    const blocks = translator.take().split('\n\n').slice(0, 2);
    expect(blocks.map((block) => block.split('\n')[0])).toEqual([
      'event: response.created',
      'event: response.in_progress',
    ]);
    blocks.forEach((block, index) => {
      const data = block.split('\n')[1]?.slice('data: '.length) ?? '';
      const parsed = JSON.parse(data) as { type: string; response: Record<string, unknown> };
      expect(data).toBe(
        JSON.stringify({ type: parsed.type, sequence_number: index, response: parsed.response }),
      );
      expect(parsed.response).toMatchObject({
        instructions: 'Be "brief".\n',
        tools: request.tools,
        status: 'in_progress',
      });
    });
  });
});
