import type { FakeStreamEvent } from '../fake-upstream/fake-stream-framing.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { splitWords } from '../fake-upstream/split-words.js';

/**
 * A Response as OpenAI streams it: `response.created`, `response.in_progress`, per output item
 * its `output_item.added`, parts and deltas and `.done` events, then `response.completed` (or
 * `response.incomplete`, `response.failed`), each named on its `event:` line and numbered by `sequence_number`.
 */
export function buildResponsesEvents(response: Record<string, unknown>): FakeStreamEvent[] {
  const events: FakeStreamEvent[] = [];
  const push = (type: string, fields: Record<string, unknown>) => {
    events.push({ event: type, data: { type, sequence_number: events.length, ...fields } });
  };
  const started = { ...response, status: 'in_progress', output: [], usage: null };
  push('response.created', { response: started });
  push('response.in_progress', { response: started });
  const output = Array.isArray(response.output) ? response.output : [];
  for (const [index, item] of output.entries()) {
    if (!isRecord(item)) continue;
    const at = { item_id: item.id, output_index: index };
    if (item.type === 'message') {
      push('response.output_item.added', {
        output_index: index,
        item: { ...item, status: 'in_progress', content: [] },
      });
      const parts = Array.isArray(item.content) ? item.content : [];
      for (const [contentIndex, part] of parts.entries()) {
        const text = isRecord(part) && typeof part.text === 'string' ? part.text : '';
        const where = { ...at, content_index: contentIndex };
        push('response.content_part.added', {
          ...where,
          part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
        });
        for (const word of splitWords(text)) {
          push('response.output_text.delta', { ...where, delta: word, logprobs: [] });
        }
        push('response.output_text.done', { ...where, text, logprobs: [] });
        push('response.content_part.done', { ...where, part });
      }
    } else if (item.type === 'function_call') {
      push('response.output_item.added', {
        output_index: index,
        item: { ...item, status: 'in_progress', arguments: '' },
      });
      const args = typeof item.arguments === 'string' ? item.arguments : '';
      const half = Math.ceil(args.length / 2);
      for (const delta of [args.slice(0, half), args.slice(half)]) {
        if (delta !== '') push('response.function_call_arguments.delta', { ...at, delta });
      }
      push('response.function_call_arguments.done', { ...at, name: item.name, arguments: args });
    } else if (item.type === 'reasoning') {
      push('response.output_item.added', { output_index: index, item: { ...item, summary: [] } });
      const summary = Array.isArray(item.summary) ? item.summary : [];
      for (const [summaryIndex, part] of summary.entries()) {
        const text = isRecord(part) && typeof part.text === 'string' ? part.text : '';
        const where = { ...at, summary_index: summaryIndex };
        push('response.reasoning_summary_part.added', {
          ...where,
          part: { type: 'summary_text', text: '' },
        });
        push('response.reasoning_summary_text.delta', { ...where, delta: text });
        push('response.reasoning_summary_text.done', { ...where, text });
        push('response.reasoning_summary_part.done', {
          ...where,
          part: { type: 'summary_text', text },
        });
      }
    }
    push('response.output_item.done', { output_index: index, item });
  }
  const end =
    response.status === 'incomplete' || response.status === 'failed'
      ? `response.${response.status}`
      : 'response.completed';
  push(end, { response });
  return events;
}
