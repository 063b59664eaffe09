import { responsesStreamEventSchema } from '@switchyard/contracts';
import {
  createSseParser,
  parseJson,
  parseSseEvents,
  responsesEventType,
} from '@switchyard/providers';
import type { StreamAnswer } from '../usage/create-stream-answer.js';
import { estimateTokens } from '../usage/estimate-tokens.js';

/** Events whose `delta` is generated text, billed as output. */
const GENERATED_DELTAS = new Set([
  'response.output_text.delta',
  'response.refusal.delta',
  'response.function_call_arguments.delta',
  'response.reasoning_summary_text.delta',
  'response.reasoning_text.delta',
]);

/**
 * The answer of a native Responses stream, for the request log and for an estimate of the
 * output tokens of a stream cut before `response.completed`: its events are kept as they passed
 * while they fit in `retainChars` (one that does not is left out, and those after it still
 * count), and read only when asked — the Response the stream ended with, or the one it started
 * with and the items finished before it was cut. An event carrying a whole Response repeats the
 * request's instructions and tools (~70 KB on a coding agent's turn): left out, it leaves room
 * for the deltas, and the estimate extrapolates from the deltas alone.
 */
export function createResponsesStreamAnswer(retainChars: number): StreamAnswer {
  const parts: string[] = [];
  let retainedChars = 0;
  /** The events of generated text: all that passed, and those kept. */
  let generatedChars = 0;
  let keptGeneratedChars = 0;
  let read: { response: Record<string, unknown>; generated: string } | undefined;
  const keep = (event: string): void => {
    const data = parseSseEvents(event)[0]?.data;
    const type = data === undefined ? undefined : responsesEventType(data);
    const generated = type !== undefined && GENERATED_DELTAS.has(type);
    if (generated) generatedChars += event.length;
    // Past the bound, but the first generated text is kept all the same: the estimate needs some.
    const first = generated && keptGeneratedChars === 0;
    if (retainedChars + event.length > retainChars && !first) {
      answer.truncated = true;
      return;
    }
    parts.push(event);
    retainedChars += event.length;
    if (generated) keptGeneratedChars += event.length;
  };
  const readEvents = () => {
    if (read) return read;
    const parser = createSseParser();
    let started: Record<string, unknown> = { object: 'response', output: [] };
    let ended: Record<string, unknown> | undefined;
    const done: unknown[] = [];
    let generated = '';
    const text = parts.join('');
    for (const event of [...parser.push(text), ...parser.end()]) {
      const data = parseJson(event.data);
      const parsed = responsesStreamEventSchema.safeParse(data);
      if (!parsed.success) continue;
      const { type, response } = parsed.data;
      const fields = data as Record<string, unknown>;
      if (type === 'response.created' && response) started = response;
      else if (response && type !== 'response.in_progress') ended = response;
      else if (type === 'response.output_item.done') done.push(fields.item);
      else if (GENERATED_DELTAS.has(type) && typeof fields.delta === 'string') {
        generated += fields.delta;
      }
    }
    read = { response: ended ?? { ...started, status: 'incomplete', output: done }, generated };
    return read;
  };
  // `truncated` a field, not a getter: V8 allocates an object's own accessor pair in the old
  // generation, where it would keep the kept answer alive past every young collection.
  const answer: StreamAnswer & { truncated: boolean } = {
    truncated: false,
    chunk() {
      // A native stream hands over no chat chunks.
    },
    passThrough(sse) {
      // One event at a time: the text handed on may hold several.
      let from = 0;
      while (from < sse.length) {
        const blank = sse.indexOf('\n\n', from);
        const to = blank === -1 ? sse.length : blank + 2;
        keep(sse.slice(from, to));
        from = to;
      }
    },
    done() {},
    completionTokens() {
      const counted = estimateTokens([readEvents().generated]);
      if (keptGeneratedChars === 0 || keptGeneratedChars === generatedChars) return counted;
      return Math.ceil((counted * generatedChars) / keptGeneratedChars);
    },
    json: () => readEvents().response,
  };
  return answer;
}
