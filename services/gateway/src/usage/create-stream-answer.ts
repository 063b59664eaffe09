import {
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatDelta,
  chatCompletionChunkSchema,
} from '@switchyard/contracts';
import {
  type ChatStreamSink,
  createSseParser,
  isPlainObject,
  parseJson,
} from '@switchyard/providers';
import { type Answer, generatedText } from './answer.js';
import { estimateTokens } from './estimate-tokens.js';

/** An {@link Answer} fed a stream's output: typed chunks, or OpenAI SSE passed through. */
export interface StreamAnswer extends Answer, ChatStreamSink {}

/** About what the OpenAI SSE event around a typed chunk's text takes: its size in the bound. */
const CHUNK_ENVELOPE_CHARS = 160;

/**
 * Keeps the beginning of a stream's output — references to chunks and strings already handed
 * on, no copies — up to `retainChars` (pass-through text by length, a typed chunk by its text
 * and envelope), and assembles it into one `chat.completion` only when asked: the hot path pays
 * an array push. Past the bound the rest is only measured, and tokens are extrapolated by length.
 */
export function createStreamAnswer(retainChars: number): StreamAnswer {
  const parts: Array<string | ChatCompletionChunk> = [];
  let retainedChars = 0;
  let overflowChars = 0;
  let assembled: ChatCompletion | undefined;
  const keep = (part: string | ChatCompletionChunk, size: number): void => {
    if (overflowChars === 0 && retainedChars + size <= retainChars) {
      parts.push(part);
      retainedChars += size;
    } else {
      overflowChars += size;
      answer.truncated = overflowChars > 0;
    }
  };
  const assemble = () => {
    assembled ??= assembleChatStream(readChunks(parts));
    return assembled;
  };
  // `truncated` a field, not a getter: V8 allocates an object's own accessor pair in the old
  // generation, where it would keep the kept answer alive past every young collection.
  const answer: StreamAnswer & { truncated: boolean } = {
    truncated: false,
    chunk(chunk) {
      keep(chunk, CHUNK_ENVELOPE_CHARS + textLength(chunk));
    },
    passThrough(sse) {
      keep(sse, sse.length);
    },
    done() {},
    completionTokens() {
      const counted = estimateTokens([
        generatedText(assemble().choices.map((choice) => choice.message)),
      ]);
      if (overflowChars === 0 || retainedChars === 0) return counted;
      return Math.ceil(counted * (1 + overflowChars / retainedChars));
    },
    json: assemble,
  };
  return answer;
}

/**
 * The chunks of a stream's kept output: typed ones as they are, pass-through SSE text parsed
 * (runs of it joined first, since a piece may end inside an event). Error events, `[DONE]` and
 * what is not a chunk are skipped.
 */
export function readChunks(parts: Iterable<string | ChatCompletionChunk>): ChatCompletionChunk[] {
  const chunks: ChatCompletionChunk[] = [];
  let text = '';
  const readText = () => {
    if (text === '') return;
    const parser = createSseParser();
    for (const event of [...parser.push(text), ...parser.end()]) {
      const value = event.data === '[DONE]' ? undefined : parseJson(event.data);
      if (!isPlainObject(value) || 'error' in value) continue;
      const chunk = chatCompletionChunkSchema.safeParse(value);
      if (chunk.success) chunks.push(chunk.data);
    }
    text = '';
  };
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else {
      readText();
      chunks.push(part);
    }
  }
  readText();
  return chunks;
}

interface ChoiceState {
  index: number;
  role: string;
  content: string;
  reasoning: string;
  refusal: string;
  toolCalls: Map<number, { id?: string; type?: string; name: string; arguments: string }>;
  finishReason: string | null;
}

/**
 * OpenAI `chat.completion.chunk`s assembled into the `chat.completion` they add up to: content,
 * reasoning and tool-call fragments concatenated per choice, the last finish reason, and the
 * usage chunk when there is one.
 */
export function assembleChatStream(chunks: Iterable<ChatCompletionChunk>): ChatCompletion {
  const completion: ChatCompletion = { object: 'chat.completion', choices: [] };
  const choices = new Map<number, ChoiceState>();
  for (const chunk of chunks) {
    if (chunk.id != null) completion.id = chunk.id;
    if (chunk.created != null) completion.created = chunk.created;
    if (chunk.model != null) completion.model = chunk.model;
    if (chunk.system_fingerprint != null) completion.system_fingerprint = chunk.system_fingerprint;
    if (chunk.usage != null) completion.usage = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      const index = choice.index ?? 0;
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
      if (choice.finish_reason != null) state.finishReason = choice.finish_reason;
      if (choice.delta != null) addDelta(state, choice.delta);
    }
  }
  completion.choices = [...choices.values()]
    .sort((left, right) => left.index - right.index)
    .map(toCompletionChoice);
  return completion;
}

function addDelta(state: ChoiceState, delta: ChatDelta): void {
  if (typeof delta.role === 'string') state.role = delta.role;
  if (typeof delta.content === 'string') state.content += delta.content;
  const reasoning = delta.reasoning_content ?? delta.reasoning;
  if (typeof reasoning === 'string') state.reasoning += reasoning;
  if (typeof delta.refusal === 'string') state.refusal += delta.refusal;
  for (const call of delta.tool_calls ?? []) {
    const index = call.index ?? state.toolCalls.size;
    const existing = state.toolCalls.get(index) ?? { name: '', arguments: '' };
    if (call.id != null) existing.id = call.id;
    if (call.type != null) existing.type = call.type;
    existing.name += call.function?.name ?? '';
    existing.arguments += call.function?.arguments ?? '';
    state.toolCalls.set(index, existing);
  }
}

function toCompletionChoice(state: ChoiceState): ChatCompletion['choices'][number] {
  const message: ChatCompletion['choices'][number]['message'] = {
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

/** The length of the text a chunk adds (what its tokens are estimated from). */
function textLength(chunk: ChatCompletionChunk): number {
  let length = 0;
  for (const choice of chunk.choices ?? []) {
    const delta = choice.delta;
    if (delta == null) continue;
    length += (delta.content?.length ?? 0) + (delta.refusal?.length ?? 0);
    length += (delta.reasoning_content ?? delta.reasoning ?? '').length;
    for (const call of delta.tool_calls ?? []) {
      length += (call.function?.name?.length ?? 0) + (call.function?.arguments?.length ?? 0);
    }
  }
  return length;
}
