import type { ChatChunkChoice, ChatCompletionChunk, ChatDelta } from '@switchyard/contracts';
import { type ChunkMeta, createChatChunk } from '../shared/create-chat-chunk.js';
import { formatOpenAiToolCall } from './format-openai-tool-call.js';
import type { GoogleCandidate, GoogleStreamEvent } from './google-response-schema.js';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';
import { readGoogleParts } from './read-google-parts.js';

/** What a stream remembers between events to write OpenAI chunks. */
export interface GoogleStreamState {
  /** Fields every chunk repeats, fixed by the first event. */
  readonly meta: ChunkMeta;
  /** Per candidate index: whether its role was sent, and how many tool calls it made so far. */
  readonly candidates: Map<number, { started: boolean; toolCalls: number }>;
  /** A finish reason (or a prompt block) was seen. */
  finished: boolean;
}

/**
 * One streamed `GenerateContentResponse` as OpenAI `chat.completion.chunk` objects: per
 * candidate a content delta (the role on its first delta), one delta per function call (they
 * arrive whole: id, name and all arguments at once), and a finish chunk. A blocked prompt is a
 * single finish chunk with `content_filter`.
 */
export function convertGoogleStreamEvent(
  event: GoogleStreamEvent,
  state: GoogleStreamState,
): ChatCompletionChunk[] {
  const candidates = event.candidates ?? [];
  if (candidates.length === 0 && event.promptFeedback?.blockReason) {
    state.finished = true;
    return [chunkOf(state, 0, { role: 'assistant', content: null }, 'content_filter')];
  }
  return candidates.flatMap((candidate, position) => candidateChunks(candidate, position, state));
}

function candidateChunks(
  candidate: GoogleCandidate,
  position: number,
  state: GoogleStreamState,
): ChatCompletionChunk[] {
  const index = candidate.index ?? position;
  const progress = state.candidates.get(index) ?? { started: false, toolCalls: 0 };
  state.candidates.set(index, progress);
  const withRole = (delta: ChatDelta): ChatDelta => {
    if (progress.started) return delta;
    progress.started = true;
    return { role: 'assistant', ...delta };
  };
  const { text, reasoning, functionCalls } = readGoogleParts(
    candidate.content?.parts,
    progress.toolCalls,
  );
  const chunks: ChatCompletionChunk[] = [];
  if (reasoning !== null && reasoning !== '') {
    chunks.push(chunkOf(state, index, withRole({ reasoning }), null));
  }
  if (text !== null && text !== '') {
    chunks.push(chunkOf(state, index, withRole({ content: text }), null));
  }
  for (const call of functionCalls) {
    const toolCall = { index: call.index, ...formatOpenAiToolCall(call) };
    chunks.push(chunkOf(state, index, withRole({ tool_calls: [toolCall] }), null));
  }
  progress.toolCalls += functionCalls.length;
  if (candidate.finishReason) {
    state.finished = true;
    const reason = mapGoogleFinishReason(candidate.finishReason, progress.toolCalls > 0);
    chunks.push(chunkOf(state, index, withRole({}), reason));
  }
  return chunks;
}

function chunkOf(
  state: GoogleStreamState,
  index: number,
  delta: ChatDelta,
  finishReason: string | null,
): ChatCompletionChunk {
  const choice: ChatChunkChoice = { index, delta, logprobs: null, finish_reason: finishReason };
  return createChatChunk(state.meta, [choice]);
}
