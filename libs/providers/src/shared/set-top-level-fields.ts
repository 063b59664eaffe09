import { afterJsonString } from '@switchyard/contracts';

const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const TAB = 0x09;

/** One top-level member: where its key starts and where its value starts and ends. */
interface Member {
  key: string;
  keyStart: number;
  start: number;
  end: number;
}

/**
 * `json` (a valid JSON object's text) with the given top-level fields set to their values and
 * every other byte left as it was: a pass-through changes what the gateway controls (`model`)
 * and nothing else — no re-serialising, so key order, spacing, number spelling and escapes of
 * everything else reach the upstream as the caller wrote them. A field the text lacks is
 * appended before the closing brace; a field set to `undefined` is removed (with its comma), as
 * an upstream that names the model in its URL refuses `model` in the body; nested fields of the
 * same name are not touched.
 */
export function setTopLevelFields(json: string, fields: Readonly<Record<string, unknown>>): string {
  let text = json;
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) text = removeMember(text, key);
    else set[key] = value;
  }
  const { members, closing } = scanMembers(text);
  const spans = members.filter((member) => Object.hasOwn(set, member.key));
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += text.slice(from, span.start) + JSON.stringify(set[span.key]);
    from = span.end;
  }
  const present = new Set(spans.map((span) => span.key));
  const missing = Object.keys(set).filter((key) => !present.has(key));
  if (missing.length === 0) return out + text.slice(from);
  const empty = members.length === 0;
  const added = missing.map((key) => `${JSON.stringify(key)}:${JSON.stringify(set[key])}`);
  return `${out}${text.slice(from, closing)}${empty ? '' : ','}${added.join(',')}${text.slice(closing)}`;
}

/** `json` without its top-level members named `key`, each with the comma that joined it. */
function removeMember(json: string, key: string): string {
  let text = json;
  for (;;) {
    const { members } = scanMembers(text);
    const index = members.findIndex((member) => member.key === key);
    const member = members[index];
    if (member === undefined) return text;
    const next = members[index + 1];
    const previous = members[index - 1];
    if (next !== undefined) text = text.slice(0, member.keyStart) + text.slice(next.keyStart);
    else if (previous !== undefined) text = text.slice(0, previous.end) + text.slice(member.end);
    else text = text.slice(0, member.keyStart) + text.slice(member.end);
  }
}

function scanMembers(json: string): { members: Member[]; closing: number } {
  const members: Member[] = [];
  let i = skipSpace(json, 0);
  if (json[i] !== '{') throw new Error('not a JSON object');
  i = skipSpace(json, i + 1);
  while (json[i] !== '}') {
    const keyStart = i;
    const keyEnd = skipString(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    i = skipSpace(json, keyEnd);
    if (json[i] !== ':') throw new Error('not a JSON object');
    const start = skipSpace(json, i + 1);
    const end = skipValue(json, start);
    members.push({ key, keyStart, start, end });
    i = skipSpace(json, end);
    if (json[i] === ',') i = skipSpace(json, i + 1);
    else if (json[i] !== '}') throw new Error('not a JSON object');
  }
  return { members, closing: i };
}

function skipSpace(json: string, from: number): number {
  let i = from;
  for (;;) {
    const code = json.charCodeAt(i);
    if (code !== SPACE && code !== NEWLINE && code !== RETURN && code !== TAB) return i;
    i += 1;
  }
}

/** The index after the string starting at `from` (its opening quote). */
function skipString(json: string, from: number): number {
  if (json.charCodeAt(from) !== QUOTE) throw new Error('not a JSON object');
  const end = afterJsonString(json, from + 1);
  if (end === -1) throw new Error('unterminated JSON string');
  return end;
}

/**
 * The index after the value starting at `from`. Character codes, and strings skipped by search:
 * reading `json[i]` one character at a time cost a 120 KB Claude Code turn ~210 µs, 1.8× its
 * `JSON.parse`; this costs ~45.
 */
function skipValue(json: string, from: number): number {
  const first = json.charCodeAt(from);
  if (first === QUOTE) return skipString(json, from);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    let i = from;
    while (i < json.length) {
      const code = json.charCodeAt(i);
      if (code === QUOTE) {
        i = skipString(json, i);
        continue;
      }
      if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
      i += 1;
    }
    throw new Error('unterminated JSON value');
  }
  let i = from;
  while (i < json.length && !',}] \n\r\t'.includes(json[i] as string)) i += 1;
  return i;
}
