import { isRecord } from '../fake-upstream/is-record.js';
import { splitWords } from '../fake-upstream/split-words.js';
import type { FakeChatRequest } from './parse-chat-request.js';

/**
 * How an OpenAI-compatible server returns a reasoning model's thinking: OpenRouter's `reasoning`
 * text with `reasoning_details` (signed), or DeepSeek's and vLLM's `reasoning_content`.
 */
export type FakeReasoningStyle = 'openrouter' | 'reasoning_content';

/** The signature OpenRouter passes on for the fake's reasoning (base64, as Anthropic's are). */
export const FAKE_REASONING_SIGNATURE = Buffer.from('fake reasoning signature').toString('base64');

/** Whether the body asks for reasoning: `reasoning_effort`, or OpenRouter's `reasoning` not excluded. */
export function asksForReasoning(body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (typeof body.reasoning_effort === 'string' && body.reasoning_effort !== 'none') return true;
  const { reasoning } = body;
  return isRecord(reasoning) && reasoning.exclude !== true && reasoning.enabled !== false;
}

/** The fake's thinking: `Thinking about: <the last user message>`. */
export function fakeReasoningText(request: FakeChatRequest): string {
  const last = request.messages.findLast((message) => message.role === 'user');
  return `Thinking about: ${last?.text ?? ''}`;
}

/** The fields a non-streamed message carries its reasoning in. */
export function reasoningMessageFields(
  style: FakeReasoningStyle,
  text: string,
): Record<string, unknown> {
  if (style === 'reasoning_content') return { reasoning_content: text };
  return {
    reasoning: text,
    reasoning_details: [
      {
        type: 'reasoning.text',
        text,
        signature: FAKE_REASONING_SIGNATURE,
        format: 'anthropic-claude-v1',
        index: 0,
      },
    ],
  };
}

/**
 * The deltas a stream carries its reasoning in, before the answer: a word a chunk, then
 * (OpenRouter) the signature in a `reasoning_details` entry of its own.
 */
export function reasoningDeltas(
  style: FakeReasoningStyle,
  text: string,
): Record<string, unknown>[] {
  const words = splitWords(text);
  if (style === 'reasoning_content') {
    return words.map((word) => ({ role: 'assistant', content: null, reasoning_content: word }));
  }
  const detail = { type: 'reasoning.text', format: 'anthropic-claude-v1', index: 0 };
  return [
    ...words.map((word) => ({
      role: 'assistant',
      content: '',
      reasoning: word,
      reasoning_details: [{ ...detail, text: word }],
    })),
    {
      role: 'assistant',
      content: '',
      reasoning: null,
      reasoning_details: [{ ...detail, text: '', signature: FAKE_REASONING_SIGNATURE }],
    },
  ];
}
