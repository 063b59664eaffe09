import { type ResponsesRequest, responsesRequestSchema } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { convertChatCompletionToResponse } from './convert-chat-completion-to-response.js';

const context = (fields: Record<string, unknown> = {}) => ({
  id: 'resp_abc',
  createdAt: 1_700_000_000,
  model: 'anthropic/claude',
  request: responsesRequestSchema.parse({
    model: 'anthropic/claude',
    input: 'hi',
    ...fields,
  }) as ResponsesRequest,
});

const usage = {
  prompt_tokens: 10,
  completion_tokens: 7,
  total_tokens: 17,
  prompt_tokens_details: { cached_tokens: 4 },
  completion_tokens_details: { reasoning_tokens: 3 },
  cost: 0.0001,
};

describe('convertChatCompletionToResponse', () => {
  it('turns reasoning, text and tool calls into output items, with usage', () => {
    const response = convertChatCompletionToResponse(
      {
        choices: [
          {
            message: {
              role: 'assistant',
              reasoning: 'thinking hard',
              content: 'Calling.',
              tool_calls: [
                {
                  id: 'call_1',
                  type: 'function',
                  function: { name: 'lookup', arguments: '{"q":1}' },
                },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
        usage,
      },
      context({ instructions: 'be brief', store: false }),
    );
    expect(response).toMatchObject({
      id: 'resp_abc',
      object: 'response',
      created_at: 1_700_000_000,
      status: 'completed',
      model: 'anthropic/claude',
      instructions: 'be brief',
      store: false,
      incomplete_details: null,
      output: [
        {
          type: 'reasoning',
          id: 'rs_abc_0',
          summary: [{ type: 'summary_text', text: 'thinking hard' }],
        },
        {
          type: 'message',
          id: 'msg_abc_1',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: 'Calling.', annotations: [] }],
        },
        {
          type: 'function_call',
          id: 'fc_abc_2',
          call_id: 'call_1',
          name: 'lookup',
          arguments: '{"q":1}',
          status: 'completed',
        },
      ],
      usage: {
        input_tokens: 10,
        input_tokens_details: { cached_tokens: 4 },
        output_tokens: 7,
        output_tokens_details: { reasoning_tokens: 3 },
        total_tokens: 17,
        cost: 0.0001,
      },
    });
  });

  it('is incomplete when the token limit cut it', () => {
    const response = convertChatCompletionToResponse(
      { choices: [{ message: { content: 'cut' }, finish_reason: 'length' }] },
      context(),
    );
    expect(response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      usage: null,
    });
  });
});
