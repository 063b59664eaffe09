import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_REASONING_SIGNATURE } from './fake-reasoning.js';
import { type FakeOpenAI, startFakeOpenAI } from './start-fake-openai.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

interface Completion {
  choices: { message: Record<string, unknown> }[];
}

const post = (body: Record<string, unknown>) =>
  fetch(`${fake.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'why' }], ...body }),
  });
const chat = async (body: Record<string, unknown>) =>
  (await (await post(body)).json()) as Completion;
const stream = async (body: Record<string, unknown>) =>
  (await post({ ...body, stream: true })).text();

describe('reasoning scenarios', () => {
  it('reasoning answers OpenRouter’s reasoning and signed reasoning_details when asked', async () => {
    const completion = await chat({ model: 'reasoning', reasoning: { effort: 'low' } });
    expect(completion.choices[0]?.message).toMatchObject({
      content: 'Echo: why',
      reasoning: 'Thinking about: why',
      reasoning_details: [
        {
          type: 'reasoning.text',
          text: 'Thinking about: why',
          signature: FAKE_REASONING_SIGNATURE,
        },
      ],
    });
    const streamed = await stream({ model: 'reasoning', reasoning_effort: 'low' });
    expect(streamed.indexOf('"reasoning":"Thinking ')).toBeGreaterThan(0);
    expect(streamed.indexOf(FAKE_REASONING_SIGNATURE)).toBeLessThan(streamed.indexOf('"Echo: "'));
  });

  it('reasoning-content answers reasoning_content; neither reasons unasked', async () => {
    const completion = await chat({ model: 'reasoning-content', reasoning_effort: 'high' });
    expect(completion.choices[0]?.message.reasoning_content).toBe('Thinking about: why');
    const streamed = await stream({ model: 'reasoning-content', reasoning_effort: 'high' });
    expect(streamed).toContain('"reasoning_content":"Thinking ');
    for (const model of ['reasoning', 'reasoning-content']) {
      const plain = await chat({ model });
      expect(plain.choices[0]?.message).not.toHaveProperty('reasoning');
      expect(plain.choices[0]?.message).not.toHaveProperty('reasoning_content');
    }
  });
});
