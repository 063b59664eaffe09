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

  it('estimates a cut stream from its deltas when its Responses echo a request larger than the bound', () => {
    // OpenAI repeats the request's instructions and tools in every Response it streams.
    const echoed = { id: 'resp_3', output: [], instructions: 'Follow the rules. '.repeat(4000) };
    const delta = sse('response.output_text.delta', { delta: 'one two three four five six' });
    const many = 200;
    const unbounded = createResponsesStreamAnswer(10_000_000);
    const bounded = createResponsesStreamAnswer(64 * 1024);
    for (const answer of [unbounded, bounded]) {
      // Several events in one piece of text, as the pass-through hands them on.
      answer.passThrough(
        sse('response.created', { response: echoed }) +
          sse('response.in_progress', { response: echoed }),
      );
      for (let index = 0; index < many; index++) answer.passThrough(delta);
    }
    const exact = unbounded.completionTokens();
    expect(exact).toBeGreaterThanOrEqual(6 * many);
    expect(bounded.truncated).toBe(true);
    expect(bounded.completionTokens()).toBe(exact);
    expect(unbounded.json()).toMatchObject({ id: 'resp_3', status: 'incomplete' });

    // Responses that leave less room than one delta: the first delta is kept all the same.
    const full = createResponsesStreamAnswer(64 * 1024);
    const filler = sse('response.created', { response: { id: 'r', output: [] } });
    const pad = 'p'.repeat(64 * 1024 - filler.length - 9);
    full.passThrough(filler.replace('"output"', `"pad":"${pad}","output"`));
    for (let index = 0; index < many; index++) full.passThrough(delta);
    expect(full.completionTokens()).toBe(exact);

    // Past the bound, the deltas not kept are extrapolated from those kept.
    const small = createResponsesStreamAnswer(delta.length * 10);
    for (let index = 0; index < many; index++) small.passThrough(delta);
    expect(small.completionTokens()).toBe(exact);
  });
});
