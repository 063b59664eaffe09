import { createOpenAiSseEncoder } from '@switchyard/providers';
import { describe, expect, it } from 'vitest';
import { stripReasoning, withoutReasoning } from './without-reasoning.js';

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

describe('reasoning.exclude', () => {
  it('leaves reasoning out of streamed chunks, and chunks that carried only reasoning', () => {
    const encoder = withoutReasoning(createOpenAiSseEncoder());
    encoder.chunk(chunk({ reasoning: 'hmm', reasoning_details: [{ type: 'reasoning.text' }] }));
    encoder.chunk(chunk({ reasoning: 'so', content: 'Answer' }));
    encoder.chunk(chunk({}, 'stop'));
    const out = encoder.take();
    expect(out).not.toContain('reasoning');
    expect(out.match(/^data: /gm)).toHaveLength(2);
    expect(out).toContain('"content":"Answer"');
  });

  it('leaves reasoning out of a completion', () => {
    const body = {
      choices: [
        { message: { role: 'assistant', content: 'A', reasoning: 'r', reasoning_details: [] } },
      ],
    };
    stripReasoning(body);
    expect(body.choices[0]?.message).toEqual({ role: 'assistant', content: 'A' });
  });
});
