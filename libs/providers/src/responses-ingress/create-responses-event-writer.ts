import type { ResponsesUsage } from '@switchyard/contracts';
import {
  type FunctionCallOutput,
  type MessageOutput,
  type OutputItem,
  outputItemId,
  type ReasoningOutput,
} from './responses-output-items.js';
import { type ResponsesContext, responsesEnd, responsesShell } from './responses-shell.js';

/** One streamed piece of a chat tool call, keyed by its `index`. */
export interface FunctionCallFragment {
  key: number;
  id: string | undefined;
  name: string | undefined;
  arguments: string | undefined;
}

/** Writes the typed Responses events of one Response, numbering them and its output items. */
export interface ResponsesEventWriter {
  /** `response.created` and `response.in_progress`, once; later calls write nothing. */
  start(): string;
  reasoning(delta: string): string;
  text(delta: string): string;
  refusal(delta: string): string;
  functionCall(fragment: FunctionCallFragment): string;
  /** Closes the open item, then `response.completed` (or `response.incomplete`). */
  finish(finishReason: string | undefined, usage: ResponsesUsage | undefined): string;
  /** An `error` event; the stream must end after it. */
  error(fields: { code: string | null; message: string; param: string | null }): string;
  /** The final Response, once finished. */
  readonly response: Record<string, unknown> | undefined;
}

type Open =
  | { kind: 'reasoning'; item: ReasoningOutput; index: number; text: string }
  | { kind: 'message'; item: MessageOutput; index: number }
  | { kind: 'function'; item: FunctionCallOutput; index: number };

/**
 * An event writer for one Response. Items open one at a time, in order, and each is closed with
 * its `.done` events before the next opens; everything is numbered by `sequence_number`, as
 * OpenAI's own stream is.
 */
export function createResponsesEventWriter(context: ResponsesContext): ResponsesEventWriter {
  let sequence = 0;
  let started = false;
  let open: Open | undefined;
  const output: OutputItem[] = [];
  const calls = new Map<number, { id: string; open: Open & { kind: 'function' } }>();

  // `where` (the item, and its part) and `fields` are spread after leading keys, never copied
  // into one object first: on Node 20 an object literal that begins with a spread and gains keys
  // gets a hidden class of its own, and the deltas are written per chunk.
  const event = (
    type: string,
    where: Record<string, unknown>,
    fields?: Record<string, unknown>,
  ): string => {
    const data = { type, sequence_number: sequence, ...where, ...fields };
    sequence += 1;
    return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
  };
  const start = (): string => {
    if (started) return '';
    started = true;
    // One Response in both events, serialised once: it repeats the request's instructions and
    // tools, as OpenAI's does (~70 KB on a coding agent's turn). The same text as
    // `event(type, { response })` writes.
    const response = JSON.stringify(responsesShell(context, 'in_progress'));
    const carrying = (type: string): string => {
      const head = JSON.stringify({ type, sequence_number: sequence });
      sequence += 1;
      return `event: ${type}\ndata: ${head.slice(0, -1)},"response":${response}}\n\n`;
    };
    return carrying('response.created') + carrying('response.in_progress');
  };
  const add = (item: OutputItem): string => {
    output.push(item);
    return event('response.output_item.added', {
      output_index: output.length - 1,
      item: { ...item, ...emptied(item) },
    });
  };
  const close = (): string => {
    const current = open;
    if (current === undefined) return '';
    open = undefined;
    const at = { item_id: current.item.id, output_index: current.index };
    let text = '';
    if (current.kind === 'reasoning') {
      const part = { type: 'summary_text', text: current.text };
      current.item.summary = [{ type: 'summary_text', text: current.text }];
      text += event('response.reasoning_summary_text.done', at, {
        summary_index: 0,
        text: current.text,
      });
      text += event('response.reasoning_summary_part.done', at, { summary_index: 0, part });
    } else if (current.kind === 'message') {
      current.item.status = 'completed';
      for (const [contentIndex, part] of current.item.content.entries()) {
        const where = {
          item_id: current.item.id,
          output_index: current.index,
          content_index: contentIndex,
        };
        text +=
          part.type === 'output_text'
            ? event('response.output_text.done', where, { text: part.text, logprobs: [] })
            : event('response.refusal.done', where, { refusal: part.refusal });
        text += event('response.content_part.done', where, { part });
      }
    } else {
      current.item.status = 'completed';
      text += event('response.function_call_arguments.done', at, {
        name: current.item.name,
        arguments: current.item.arguments,
      });
    }
    return (
      text + event('response.output_item.done', { output_index: current.index, item: current.item })
    );
  };
  /** The open message, opened (after closing another item) when there is none. */
  const message = (): { text: string; open: Open & { kind: 'message' } } => {
    if (open?.kind === 'message') return { text: '', open };
    let text = start() + close();
    const item: MessageOutput = {
      type: 'message',
      id: outputItemId('msg', context.id, output.length),
      status: 'in_progress',
      role: 'assistant',
      content: [],
    };
    text += add(item);
    const opened = { kind: 'message' as const, item, index: output.length - 1 };
    open = opened;
    return { text, open: opened };
  };
  /** The content part of the open message of `type`, added when the last one is another. */
  const contentPart = (type: 'output_text' | 'refusal') => {
    const opened = message();
    let text = opened.text;
    const { item, index } = opened.open;
    let last = item.content.at(-1);
    if (last?.type !== type) {
      last =
        type === 'output_text'
          ? { type, text: '', annotations: [], logprobs: [] }
          : { type, refusal: '' };
      item.content.push(last);
      text += event('response.content_part.added', {
        item_id: item.id,
        output_index: index,
        content_index: item.content.length - 1,
        part: last,
      });
    }
    const where = { item_id: item.id, output_index: index, content_index: item.content.length - 1 };
    return { text, part: last, where };
  };

  // `response` a field, not a getter: V8 allocates an object's own accessor pair in the old
  // generation, where it would keep this writer's output alive past every young collection.
  const writer: ResponsesEventWriter & { response: Record<string, unknown> | undefined } = {
    response: undefined,
    start,
    reasoning(delta) {
      if (delta === '') return '';
      let text = '';
      if (open?.kind !== 'reasoning') {
        text += start() + close();
        const item: ReasoningOutput = {
          type: 'reasoning',
          id: outputItemId('rs', context.id, output.length),
          summary: [],
        };
        text += add(item);
        open = { kind: 'reasoning', item, index: output.length - 1, text: '' };
        const at = { item_id: item.id, output_index: open.index, summary_index: 0 };
        text += event('response.reasoning_summary_part.added', at, {
          part: { type: 'summary_text', text: '' },
        });
      }
      open.text += delta;
      const at = { item_id: open.item.id, output_index: open.index, summary_index: 0 };
      return text + event('response.reasoning_summary_text.delta', at, { delta });
    },
    text(delta) {
      if (delta === '') return '';
      const { text, part, where } = contentPart('output_text');
      if (part.type === 'output_text') part.text += delta;
      return text + event('response.output_text.delta', where, { delta, logprobs: [] });
    },
    refusal(delta) {
      if (delta === '') return '';
      const { text, part, where } = contentPart('refusal');
      if (part.type === 'refusal') part.refusal += delta;
      return text + event('response.refusal.delta', where, { delta });
    },
    functionCall(fragment) {
      let text = '';
      let call = calls.get(fragment.key);
      if (call === undefined || (fragment.id !== undefined && fragment.id !== call.id)) {
        text += start() + close();
        const index = output.length;
        const id = fragment.id ?? `call_${context.id.replace(/^resp_/, '')}_${index}`;
        const item: FunctionCallOutput = {
          type: 'function_call',
          id: outputItemId('fc', context.id, index),
          call_id: id,
          name: fragment.name ?? '',
          arguments: '',
          status: 'in_progress',
        };
        text += add(item);
        call = { id, open: { kind: 'function', item, index } };
        calls.set(fragment.key, call);
        open = call.open;
      }
      const delta = fragment.arguments ?? '';
      if (delta === '') return text;
      call.open.item.arguments += delta;
      // A fragment of an earlier call (servers that interleave calls) still goes to its item.
      const at = { item_id: call.open.item.id, output_index: call.open.index };
      return text + event('response.function_call_arguments.delta', at, { delta });
    },
    finish(finishReason, usage) {
      let text = start() + close();
      const end = responsesEnd(finishReason);
      const final = {
        ...responsesShell(context, end.status),
        ...end,
        output,
        usage: usage ?? null,
      };
      writer.response = final;
      const type = end.status === 'completed' ? 'response.completed' : 'response.incomplete';
      text += event(type, { response: final });
      return text;
    },
    error(fields) {
      return event('error', fields);
    },
  };
  return writer;
}

/** An item as `output_item.added` announces it: nothing generated yet. */
function emptied(item: OutputItem): Partial<OutputItem> {
  if (item.type === 'message') return { content: [] };
  if (item.type === 'reasoning') return { summary: [] };
  return { arguments: '' };
}
