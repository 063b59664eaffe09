import { responsesStreamEventSchema } from '@switchyard/contracts';
import { createSseParser, parseJson } from '@switchyard/providers';
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
 * output tokens of a stream cut before `response.completed`: the beginning of its events (up to
 * `retainChars`) are kept as they passed, and read only when asked — the Response the stream
 * ended with, or the one it started with and the items finished before it was cut.
 */
export function createResponsesStreamAnswer(retainChars: number): StreamAnswer {
  const parts: string[] = [];
  let retainedChars = 0;
  let overflowChars = 0;
  let read: { response: Record<string, unknown>; generated: string } | undefined;
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
      if (overflowChars === 0 && retainedChars + sse.length <= retainChars) {
        parts.push(sse);
        retainedChars += sse.length;
      } else {
        overflowChars += sse.length;
        answer.truncated = overflowChars > 0;
      }
    },
    done() {},
    completionTokens() {
      const counted = estimateTokens([readEvents().generated]);
      if (overflowChars === 0 || retainedChars === 0) return counted;
      return Math.ceil(counted * (1 + overflowChars / retainedChars));
    },
    json: () => readEvents().response,
  };
  return answer;
}
