import { afterJsonValue, skipJsonSpace, visitJsonMembers } from '@switchyard/contracts';
import { parseJson } from '../shared/parse-json.js';

/** Where OpenAI writes an event's type: first, as `{"type":"response.…",`. */
const TYPE_FIRST = '{"type":"';

/**
 * The `type` of a Responses stream event from its `data`, or undefined when it has none. OpenAI
 * (and Azure) write `type` first, once: it is read there, without scanning the rest of an event
 * that may carry a whole Response. Data written in another order (`type` last, as pydantic
 * servers write it) has its members visited instead.
 */
export function responsesEventType(data: string): string | undefined {
  if (data.startsWith(TYPE_FIRST)) {
    const close = data.indexOf('"', TYPE_FIRST.length);
    const type = close === -1 ? '' : data.slice(TYPE_FIRST.length, close);
    if (type !== '' && !type.includes('\\')) return type;
  }
  let type: string | undefined;
  visitJsonMembers(data, skipJsonSpace(data, 0), (key, start) => {
    if (key === 'type') {
      const value = parseMember(data, start);
      type = typeof value === 'string' ? value : undefined;
    }
    return true;
  });
  return type;
}

/**
 * The named members of the Response an event carries (its `response` object), each parsed from
 * its own text — the rest (instructions, tools, output: ~70 KB on a coding agent's turn, which
 * OpenAI repeats in every such event) is skipped over, never parsed. With `until`, nothing after
 * that member is read: OpenAI writes a Response's `id` first, so `response.created` is read no
 * further than its id. Undefined when the event carries no Response object, or its text is not
 * well formed as far as it was read.
 */
export function readEventResponse(
  data: string,
  names: ReadonlySet<string>,
  until?: string,
): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  visitJsonMembers(data, skipJsonSpace(data, 0), (key, start) => {
    if (key !== 'response') return true;
    const members: Record<string, unknown> = {};
    let stopped = false;
    const whole = visitJsonMembers(data, start, (name, from) => {
      if (!names.has(name)) return true;
      members[name] = parseMember(data, from);
      stopped = name === until;
      return !stopped;
    });
    found = whole || stopped ? members : undefined;
    // The Response read (a repeated `response` is not looked for: OpenAI writes one).
    return false;
  });
  return found;
}

/** The value whose text begins at `start`, parsed; undefined when it is not JSON. */
function parseMember(text: string, start: number): unknown {
  const end = afterJsonValue(text, start);
  return end === -1 ? undefined : parseJson(text.slice(start, end));
}

/**
 * Where the Response an event's data carries (its `response` object) writes its `model`: the
 * start and end of that string value in `text`, whose data begins at `open`. Undefined when the
 * event carries no Response, or one without a model written as a string. OpenAI writes `model`
 * after `instructions` and before `tools`: what follows it is not read.
 */
export function locateResponseModel(
  text: string,
  open: number,
): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  visitJsonMembers(text, open, (key, start) => {
    if (key !== 'response') return true;
    visitJsonMembers(text, start, (name, from) => {
      if (name !== 'model') return true;
      const end = afterJsonValue(text, from);
      if (end !== -1 && text[from] === '"') found = { start: from, end };
      return false;
    });
    return false;
  });
  return found;
}
