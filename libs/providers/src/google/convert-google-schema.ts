import { isPlainObject } from '../shared/is-plain-object.js';

type Schema = Record<string, unknown>;

/** Keywords Gemini's `Schema` (a subset of OpenAPI 3.0) accepts and that are copied unchanged. */
const COPIED = [
  'title',
  'description',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minProperties',
  'maxProperties',
  'default',
  'example',
  'propertyOrdering',
] as const;

/** `format` values the Gemini API honours per type; any other format fails the request there. */
const FORMATS: Readonly<Record<string, readonly string[]>> = {
  string: ['enum', 'date-time'],
  number: ['float', 'double'],
  integer: ['int32', 'int64'],
};

/**
 * A JSON Schema (as OpenAI tools carry it) in the OpenAPI 3.0 subset Gemini's function
 * `parameters` accept. Kept: type, format (only the values Gemini honours), title, description,
 * nullable, enum (string values), items, properties, required (only listed properties), anyOf,
 * the numeric/length/item/property bounds, pattern, default, example, propertyOrdering.
 * Converted: a type list (`["string","null"]`) → type + `nullable` (several non-null types →
 * `anyOf`); `oneOf` → `anyOf`; a one-element `allOf` → merged; a string `const` → `enum`; local
 * `$ref`s (`#/$defs/…`, `#/definitions/…`) → inlined (with their sibling keywords), a recursive
 * or unresolvable one → `{}`.
 * Dropped, recursively: everything else — `additionalProperties`, `$schema`, `$id`, `$defs`,
 * `strict`, `examples`, `not`, `if`/`then`/`else`, exclusive bounds, `multipleOf`,
 * `uniqueItems`, `patternProperties`, tuple `items`, enums with non-string values…
 */
export function convertGoogleSchema(schema: Schema): Schema {
  return convert(schema, schema, []);
}

function convert(schema: Schema, root: Schema, refStack: readonly string[]): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = resolveRef(root, ref);
    if (target === undefined || refStack.includes(ref)) return {};
    const { $ref: _ref, ...siblings } = schema;
    return convert({ ...target, ...siblings }, root, [...refStack, ref]);
  }
  const allOf = schema.allOf;
  if (Array.isArray(allOf) && allOf.length === 1 && isPlainObject(allOf[0])) {
    const { allOf: _merged, ...rest } = schema;
    return convert({ ...allOf[0], ...rest }, root, refStack);
  }
  const out: Schema = {};
  const recurse = (value: Schema): Schema => convert(value, root, refStack);
  copyType(schema, out, recurse);
  for (const key of COPIED) if (schema[key] !== undefined) out[key] = schema[key];
  if (schema.nullable === true) out.nullable = true;
  copyFormat(schema, out);
  copyEnum(schema, out);
  if (isPlainObject(schema.items)) out.items = recurse(schema.items);
  copyProperties(schema, out, recurse);
  const anyOf = Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf;
  if (Array.isArray(anyOf)) out.anyOf = anyOf.filter(isPlainObject).map(recurse);
  return out;
}

function copyType(schema: Schema, out: Schema, recurse: (value: Schema) => Schema): void {
  const type = schema.type;
  if (typeof type === 'string') {
    if (type === 'null') out.nullable = true;
    else out.type = type;
    return;
  }
  if (!Array.isArray(type)) return;
  const types = type.filter((item): item is string => typeof item === 'string' && item !== 'null');
  if (types.length < type.length) out.nullable = true;
  if (types.length === 1) out.type = types[0];
  else if (types.length > 1) {
    out.anyOf = types.map((item) => recurse({ ...schema, type: item, nullable: undefined }));
  }
}

function copyFormat(schema: Schema, out: Schema): void {
  const { format } = schema;
  const allowed = typeof out.type === 'string' ? FORMATS[out.type] : undefined;
  if (typeof format === 'string' && allowed?.includes(format)) out.format = format;
}

function copyEnum(schema: Schema, out: Schema): void {
  const values = Array.isArray(schema.enum)
    ? schema.enum
    : typeof schema.const === 'string'
      ? [schema.const]
      : undefined;
  if (values === undefined) return;
  const strings = values.filter((value): value is string => typeof value === 'string');
  const nulls = values.filter((value) => value === null).length;
  if (strings.length + nulls !== values.length || strings.length === 0) return;
  out.enum = strings;
  if (nulls > 0) out.nullable = true;
  out.type ??= 'string';
}

function copyProperties(schema: Schema, out: Schema, recurse: (value: Schema) => Schema): void {
  if (!isPlainObject(schema.properties)) return;
  const properties: Record<string, Schema> = {};
  for (const [name, value] of Object.entries(schema.properties)) {
    if (isPlainObject(value)) properties[name] = recurse(value);
  }
  out.properties = properties;
  if (Array.isArray(schema.required)) {
    out.required = schema.required.filter(
      (name): name is string => typeof name === 'string' && name in properties,
    );
  }
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const definitions = root[match[1]];
  if (!isPlainObject(definitions)) return undefined;
  const name = match[2].replace(/~1/g, '/').replace(/~0/g, '~');
  const target = definitions[name];
  return isPlainObject(target) ? target : undefined;
}
