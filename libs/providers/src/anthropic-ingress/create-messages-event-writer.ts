import type { MessagesErrorType } from './messages-error-type.js';
import type { MessagesUsage } from './to-messages-usage.js';
import { toStopReason } from './to-stop-reason.js';

/** One streamed piece of an OpenAI tool call, keyed by its `index`. */
export interface ToolCallFragment {
  key: number;
  id: string | undefined;
  name: string | undefined;
  arguments: string | undefined;
}

/** Writes Anthropic stream events, numbering content blocks and closing each before the next. */
export interface MessagesEventWriter {
  /** `message_start`, once; later calls write nothing. */
  start(usage: MessagesUsage | undefined): string;
  text(value: string, kind: 'text' | 'refusal'): string;
  /** Reasoning text as a `thinking` block (opened on its first piece); a signature closes it. */
  thinking(value: string, signature: string | undefined): string;
  toolCall(fragment: ToolCallFragment): string;
  /** Closes the open block, then `message_delta` (stop reason, usage) and `message_stop`. */
  finish(finishReason: string | undefined, usage: MessagesUsage | undefined): string;
  /** An `error` event; the stream must end after it. */
  error(type: MessagesErrorType, message: string): string;
}

/** An event writer for one message, named and modelled as the client asked. */
export function createMessagesEventWriter(options: {
  requestedModel: string;
  messageId: string;
}): MessagesEventWriter {
  let started = false;
  // Blocks open in order and one at a time, so the open block is always the newest one.
  let blockCount = 0;
  let openKind: 'text' | 'tool' | 'thinking' | undefined;
  let refused = false;
  const tools = new Map<number, { index: number; id: string }>();

  const close = (): string => {
    if (openKind === undefined) return '';
    openKind = undefined;
    return event('content_block_stop', { index: blockCount - 1 });
  };
  const openBlock = (
    kind: 'text' | 'tool' | 'thinking',
    contentBlock: Record<string, unknown>,
  ): string => {
    const closing = close();
    openKind = kind;
    blockCount += 1;
    const index = blockCount - 1;
    return `${closing}${event('content_block_start', { index, content_block: contentBlock })}`;
  };
  const start = (usage: MessagesUsage | undefined): string => {
    if (started) return '';
    started = true;
    const message = {
      id: options.messageId,
      type: 'message',
      role: 'assistant',
      model: options.requestedModel,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...(usage ?? emptyUsage()), output_tokens: 0 },
    };
    return event('message_start', { message });
  };

  return {
    start,
    text(value, kind) {
      if (value === '') return '';
      if (kind === 'refusal') refused = true;
      const opening = openKind === 'text' ? '' : openBlock('text', { type: 'text', text: '' });
      const delta = { type: 'text_delta', text: value };
      return `${opening}${event('content_block_delta', { index: blockCount - 1, delta })}`;
    },
    thinking(value, signature) {
      if (value === '' && signature === undefined) return '';
      let out =
        openKind === 'thinking'
          ? ''
          : openBlock('thinking', { type: 'thinking', thinking: '', signature: '' });
      const index = blockCount - 1;
      if (value !== '') {
        out += event('content_block_delta', {
          index,
          delta: { type: 'thinking_delta', thinking: value },
        });
      }
      if (signature !== undefined) {
        out += event('content_block_delta', {
          index,
          delta: { type: 'signature_delta', signature },
        });
        out += close();
      }
      return out;
    },
    toolCall(fragment) {
      let opening = '';
      let tool = tools.get(fragment.key);
      if (tool === undefined || (fragment.id !== undefined && fragment.id !== tool.id)) {
        const id = fragment.id ?? `toolu_${options.messageId.replace(/^msg_/, '')}_${blockCount}`;
        opening = openBlock('tool', { type: 'tool_use', id, name: fragment.name ?? '', input: {} });
        tool = { index: blockCount - 1, id };
        tools.set(fragment.key, tool);
      }
      if (fragment.arguments === undefined || fragment.arguments === '') return opening;
      // A fragment for an earlier call (servers that interleave calls) still goes to its block.
      const delta = { type: 'input_json_delta', partial_json: fragment.arguments };
      return `${opening}${event('content_block_delta', { index: tool.index, delta })}`;
    },
    finish(finishReason, usage) {
      const stopReason = toStopReason(finishReason, { hasToolUse: tools.size > 0, refused });
      const delta = { stop_reason: stopReason, stop_sequence: null };
      return [
        start(usage),
        close(),
        event('message_delta', { delta, usage: usage ?? { output_tokens: 0 } }),
        event('message_stop', {}),
      ].join('');
    },
    error(type, message) {
      return event('error', { error: { type, message } });
    },
  };
}

function emptyUsage(): MessagesUsage {
  return {
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
}

/** One Anthropic SSE event: its type on the `event:` line and in the data. */
function event(type: string, fields: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...fields })}\n\n`;
}
