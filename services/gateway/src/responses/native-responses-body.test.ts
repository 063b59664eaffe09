import { describe, expect, it } from 'vitest';
import { nativeResponsesBody } from './native-responses-body.js';
import type { ParsedResponses } from './parsed-responses.js';

const request = (history: ParsedResponses['history']) =>
  ({
    body: { model: 'gpt-test', input: 'go on', previous_response_id: 'resp_here' },
    history,
  }) as unknown as ParsedResponses;

describe('nativeResponsesBody', () => {
  it('sends a stored conversation as items without ids, and no item_reference', () => {
    const body = nativeResponsesBody(
      request([
        { type: 'message', id: 'msg_1', role: 'user', content: 'hi' },
        // Stored by a turn before item references were refused: the provider would resolve it for any key.
        { type: 'item_reference', id: 'msg_of_someone_else' },
        { type: 'message', role: 'assistant', content: 'hello', status: 'completed' },
      ]),
      undefined,
    );
    expect(body).toEqual({
      model: 'gpt-test',
      input: [
        { type: 'message', role: 'user', content: 'hi' },
        { type: 'message', role: 'assistant', content: 'hello' },
        { role: 'user', content: 'go on' },
      ],
    });
  });

  it('keeps the caller’s body when nothing is stored here, with a lowered cap', () => {
    expect(nativeResponsesBody(request([]), 100)).toEqual({
      model: 'gpt-test',
      input: 'go on',
      previous_response_id: 'resp_here',
      max_output_tokens: 100,
    });
  });
});
