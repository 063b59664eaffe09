import { type Answer, generatedText, isObject } from './answer.js';
import { estimateTokens } from './estimate-tokens.js';

/** An {@link Answer} fed the OpenAI SSE text a stream sends its client. */
export interface StreamAnswer extends Answer {
  push(text: string): void;
}

/**
 * Keeps the first `retainChars` of a stream's outgoing SSE text (references to strings already
 * sent, no copies) and assembles it into one `chat.completion` only when asked: the hot path pays
 * an array push. Past the bound the rest is only measured, and tokens are extrapolated by length.
 */
export function createStreamAnswer(retainChars: number): StreamAnswer {
  const parts: string[] = [];
  let retainedChars = 0;
  let overflowChars = 0;
  let assembled: Record<string, unknown> | undefined;
  const assemble = () => {
    assembled ??= assembleChatStream(parts.join(''));
    return assembled;
  };
  return {
    push(text) {
      if (overflowChars === 0 && retainedChars + text.length <= retainChars) {
        parts.push(text);
        retainedChars += text.length;
      } else overflowChars += text.length;
    },
    completionTokens() {
      const counted = estimateTokens([generatedText(assemble().choices, 'message')]);
      if (overflowChars === 0 || retainedChars === 0) return counted;
      return Math.ceil(counted * (1 + overflowChars / retainedChars));
    },
    json: assemble,
    get truncated() {
      return overflowChars > 0;
    },
  };
}

interface ChoiceState {
  index: number;
  role: string;
  content: string;
  reasoning: string;
  refusal: string;
  toolCalls: Map<number, { id?: unknown; type?: unknown; name: string; arguments: string }>;
  finishReason: unknown;
}

/**
 * OpenAI `chat.completion.chunk` events assembled into the `chat.completion` they add up to:
 * content, reasoning and tool-call fragments concatenated per choice, the last finish reason,
 * and the usage chunk when there is one. Error events and `[DONE]` are skipped.
 */
export function assembleChatStream(sse: string): Record<string, unknown> {
  const completion: Record<string, unknown> = { object: 'chat.completion' };
  const choices = new Map<number, ChoiceState>();
  for (const event of sse.split('\n\n')) {
    const chunk = parseEventData(event);
    if (chunk === undefined || 'error' in chunk) continue;
    for (const key of ['id', 'created', 'model', 'system_fingerprint', 'usage'] as const) {
      if (chunk[key] !== undefined && chunk[key] !== null) completion[key] = chunk[key];
    }
    if (!Array.isArray(chunk.choices)) continue;
    for (const choice of chunk.choices) {
      if (!isObject(choice)) continue;
      const index = typeof choice.index === 'number' ? choice.index : 0;
      let state = choices.get(index);
      if (state === undefined) {
        state = {
          index,
          role: 'assistant',
          content: '',
          reasoning: '',
          refusal: '',
          toolCalls: new Map(),
          finishReason: null,
        };
        choices.set(index, state);
      }
      if (choice.finish_reason !== undefined && choice.finish_reason !== null)
        state.finishReason = choice.finish_reason;
      if (isObject(choice.delta)) addDelta(state, choice.delta);
    }
  }
  completion.choices = [...choices.values()]
    .sort((left, right) => left.index - right.index)
    .map(toCompletionChoice);
  return completion;
}

function addDelta(state: ChoiceState, delta: Record<string, unknown>): void {
  if (typeof delta.role === 'string') state.role = delta.role;
  if (typeof delta.content === 'string') state.content += delta.content;
  const reasoning = delta.reasoning_content ?? delta.reasoning;
  if (typeof reasoning === 'string') state.reasoning += reasoning;
  if (typeof delta.refusal === 'string') state.refusal += delta.refusal;
  if (!Array.isArray(delta.tool_calls)) return;
  for (const call of delta.tool_calls) {
    if (!isObject(call)) continue;
    const index = typeof call.index === 'number' ? call.index : state.toolCalls.size;
    const existing = state.toolCalls.get(index) ?? { name: '', arguments: '' };
    if (call.id !== undefined) existing.id = call.id;
    if (call.type !== undefined) existing.type = call.type;
    const fn = isObject(call.function) ? call.function : {};
    if (typeof fn.name === 'string') existing.name += fn.name;
    if (typeof fn.arguments === 'string') existing.arguments += fn.arguments;
    state.toolCalls.set(index, existing);
  }
}

function toCompletionChoice(state: ChoiceState): Record<string, unknown> {
  const message: Record<string, unknown> = {
    role: state.role,
    content: state.content === '' ? null : state.content,
  };
  if (state.reasoning !== '') message.reasoning_content = state.reasoning;
  if (state.refusal !== '') message.refusal = state.refusal;
  if (state.toolCalls.size > 0) {
    message.tool_calls = [...state.toolCalls.entries()]
      .sort(([left], [right]) => left - right)
      .map(([, call]) => ({
        id: call.id,
        type: call.type ?? 'function',
        function: { name: call.name, arguments: call.arguments },
      }));
  }
  return { index: state.index, message, finish_reason: state.finishReason };
}

function parseEventData(event: string): Record<string, unknown> | undefined {
  let data = '';
  for (const line of event.split('\n')) {
    if (line.startsWith('data:')) data += line.slice(line.startsWith('data: ') ? 6 : 5);
  }
  if (data === '' || data === '[DONE]') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
