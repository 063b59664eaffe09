import { type JsonObjectText, readJsonObjectText } from '@switchyard/contracts';

/**
 * `body` (a JSON object's text with its members located, or the text alone) with the given
 * top-level fields set to their values and every other byte left as it was: a pass-through
 * changes what the gateway controls (`model`) and nothing else — no re-serialising, so key order,
 * spacing, number spelling and escapes of everything else reach the upstream as the caller wrote
 * them. A field the text lacks is appended before the closing brace; a field set to `undefined`
 * is removed with the comma after it (before it, when it is the last), as an upstream that names
 * the model in its URL refuses `model` in the body; nested fields of the same name are not
 * touched, and a key written twice is set (or removed) both times. Located members (the request
 * body's check finds them) spare a second scan of a body that may be 100 KB.
 */
export function setTopLevelFields(
  body: JsonObjectText | string,
  fields: Readonly<Record<string, unknown>>,
): string {
  const { text, members, closing } = typeof body === 'string' ? readJsonObjectText(body) : body;
  // Before the first member; then each member kept, after the separator that followed the
  // member kept before it (a removed member takes the separator after it away); then the rest.
  let out = text.slice(0, members[0]?.keyStart ?? closing);
  let previous = -1;
  const present = new Set<string>();
  members.forEach((member, index) => {
    const set = Object.hasOwn(fields, member.key);
    if (set) present.add(member.key);
    const value = set ? fields[member.key] : undefined;
    if (set && value === undefined) return;
    const before = members[previous];
    const after = members[previous + 1];
    if (before !== undefined && after !== undefined) out += text.slice(before.end, after.keyStart);
    out += set
      ? text.slice(member.keyStart, member.start) + JSON.stringify(value)
      : text.slice(member.keyStart, member.end);
    previous = index;
  });
  out += text.slice(members.at(-1)?.end ?? closing, closing);
  const added = Object.keys(fields)
    .filter((key) => !present.has(key) && fields[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(fields[key])}`);
  if (added.length > 0) out += (previous === -1 ? '' : ',') + added.join(',');
  return out + text.slice(closing);
}
