import { describe, expect, it } from 'vitest';
import { createResponsesStreamAnswer } from './create-responses-stream-answer.js';

const sse = (type: string, fields: Record<string, unknown>) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...fields })}\n\n`;

describe('createResponsesStreamAnswer', () => {
  it('is the Response the stream ended with', () => {
    const answer = createResponsesStreamAnswer(10_000);
    const response = {
      id: 'resp_1',
      object: 'response',
      status: 'completed',
      output: [{ type: 'message' }],
    };
    answer.passThrough(sse('response.created', { response: { ...response, output: [] } }));
    answer.passThrough(sse('response.output_text.delta', { delta: 'Hello there friend' }));
    answer.passThrough(sse('response.completed', { response }));
    expect(answer.json()).toEqual(response);
    expect(answer.completionTokens()).toBeGreaterThan(0);
    expect(answer.truncated).toBe(false);
  });

  it('estimates the output of a cut stream from its deltas, extrapolating what was not kept', () => {
    const cut = createResponsesStreamAnswer(10_000);
    const created = sse('response.created', { response: { id: 'resp_2', output: [] } });
    const delta = sse('response.output_text.delta', { delta: 'one two three four five six' });
    cut.passThrough(created);
    cut.passThrough(delta);
    expect(cut.json()).toEqual({ id: 'resp_2', status: 'incomplete', output: [] });
    const tokens = cut.completionTokens();
    expect(tokens).toBeGreaterThanOrEqual(6);

    const bounded = createResponsesStreamAnswer(created.length + delta.length);
    bounded.passThrough(created);
    bounded.passThrough(delta);
    bounded.passThrough(delta);
    expect(bounded.truncated).toBe(true);
    expect(bounded.completionTokens()).toBeGreaterThan(tokens);
  });
});
