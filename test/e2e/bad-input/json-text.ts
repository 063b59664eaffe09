/** JSON text placed in a body verbatim: numbers JSON.stringify cannot write (`1e400`), deep nesting. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A value written into the body as this exact JSON text. */
export const rawJson = (text: string): RawJson => new RawJson(text);

/** Serialises a body that may hold {@link RawJson} values. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(
      ([name, member]) => `${JSON.stringify(name)}:${toJsonText(member)}`,
    );
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !(value instanceof RawJson);

/** A copy of `body` with the field at a dotted path (`limits.rpm`) set, creating parents. */
export function withField(body: JsonRecord, path: string, value: unknown): JsonRecord {
  const [head = '', ...rest] = path.split('.');
  if (rest.length === 0) return { ...body, [head]: value };
  const parent = body[head];
  return { ...body, [head]: withField(isRecord(parent) ? parent : {}, rest.join('.'), value) };
}

/** A copy of `body` without the field at a dotted path. */
export function withoutField(body: JsonRecord, path: string): JsonRecord {
  const [head = '', ...rest] = path.split('.');
  if (rest.length === 0) {
    const { [head]: _removed, ...others } = body;
    return others;
  }
  const parent = body[head];
  return isRecord(parent) ? { ...body, [head]: withoutField(parent, rest.join('.')) } : body;
}

/** `depth` nested arrays: what a recursive parser or validator overflows on. */
export const deeplyNested = (depth: number): RawJson =>
  rawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);

/** `depth` nested objects `{"a":{"a":…}}`. */
export const deeplyNestedObject = (depth: number): RawJson =>
  rawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
