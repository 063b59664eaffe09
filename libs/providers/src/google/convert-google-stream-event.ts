import { convertGoogleFinishReason } from './convert-google-finish-reason.js';
import { formatOpenAiToolCall } from './format-openai-tool-call.js';
import type { GoogleCandidate, GoogleStreamEvent } from './google-response-schema.js';
import { readGoogleParts } from './read-google-parts.js';

/** What a stream remembers between events to write OpenAI chunks. */
export interface GoogleStreamState {
  /** Fields every chunk repeats, fixed by the first event. */
  readonly meta: { id: string; created: number; model: string };
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
): Record<string, unknown>[] {
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
): Record<string, unknown>[] {
  const index = candidate.index ?? position;
  const progress = state.candidates.get(index) ?? { started: false, toolCalls: 0 };
  state.candidates.set(index, progress);
  const withRole = (delta: Record<string, unknown>): Record<string, unknown> => {
    if (progress.started) return delta;
    progress.started = true;
    return { role: 'assistant', ...delta };
  };
  const { text, functionCalls } = readGoogleParts(candidate.content?.parts, progress.toolCalls);
  const chunks: Record<string, unknown>[] = [];
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
    const reason = convertGoogleFinishReason(candidate.finishReason, progress.toolCalls > 0);
    chunks.push(chunkOf(state, index, withRole({}), reason));
  }
  return chunks;
}

function chunkOf(
  state: GoogleStreamState,
  index: number,
  delta: Record<string, unknown>,
  finishReason: string | null,
): Record<string, unknown> {
  return {
    ...state.meta,
    object: 'chat.completion.chunk',
    choices: [{ index, delta, logprobs: null, finish_reason: finishReason }],
  };
}
