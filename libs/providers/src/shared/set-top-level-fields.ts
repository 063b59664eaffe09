const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * `json` (a valid JSON object's text) with the given top-level fields set to their values and
 * every other byte left as it was: a pass-through changes what the gateway controls (`model`)
 * and nothing else — no re-serialising, so key order, spacing, number spelling and escapes of
 * everything else reach the upstream as the caller wrote them. A field the text lacks is
 * appended before the closing brace; nested fields of the same name are not touched.
 */
export function setTopLevelFields(json: string, fields: Readonly<Record<string, unknown>>): string {
  const spans: { start: number; end: number; key: string }[] = [];
  let i = skipSpace(json, 0);
  if (json[i] !== '{') throw new Error('not a JSON object');
  i = skipSpace(json, i + 1);
  let closing = i;
  while (json[i] !== '}') {
    const keyEnd = skipString(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    i = skipSpace(json, keyEnd);
    if (json[i] !== ':') throw new Error('not a JSON object');
    const start = skipSpace(json, i + 1);
    const end = skipValue(json, start);
    if (Object.hasOwn(fields, key)) spans.push({ start, end, key });
    i = skipSpace(json, end);
    if (json[i] === ',') i = skipSpace(json, i + 1);
    else if (json[i] !== '}') throw new Error('not a JSON object');
  }
  closing = i;
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += json.slice(from, span.start) + JSON.stringify(fields[span.key]);
    from = span.end;
  }
  const present = new Set(spans.map((span) => span.key));
  const missing = Object.keys(fields).filter((key) => !present.has(key));
  if (missing.length === 0) return out + json.slice(from);
  const empty = spans.length === 0 && json.slice(json.indexOf('{') + 1, closing).trim() === '';
  const added = missing.map((key) => `${JSON.stringify(key)}:${JSON.stringify(fields[key])}`);
  return `${out}${json.slice(from, closing)}${empty ? '' : ','}${added.join(',')}${json.slice(closing)}`;
}

function skipSpace(json: string, from: number): number {
  let i = from;
  while (
    i < json.length &&
    (json[i] === ' ' || json[i] === '\n' || json[i] === '\r' || json[i] === '\t')
  )
    i += 1;
  return i;
}

/** The index after the string starting at `from` (its opening quote). */
function skipString(json: string, from: number): number {
  if (json.charCodeAt(from) !== QUOTE) throw new Error('not a JSON object');
  let i = from + 1;
  while (i < json.length) {
    const code = json.charCodeAt(i);
    if (code === BACKSLASH) i += 2;
    else if (code === QUOTE) return i + 1;
    else i += 1;
  }
  throw new Error('unterminated JSON string');
}

/** The index after the value starting at `from`. */
function skipValue(json: string, from: number): number {
  const first = json[from];
  if (first === '"') return skipString(json, from);
  if (first === '{' || first === '[') {
    let depth = 0;
    let i = from;
    while (i < json.length) {
      const char = json[i];
      if (char === '"') {
        i = skipString(json, i);
        continue;
      }
      if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
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
