import type { JsonObject } from '@switchyard/db';

/** Request metadata (parsed as `Record<string, unknown>`) as the JSON it serialises to. */
export function toJsonObject(value: Record<string, unknown>): JsonObject {
  // A round trip drops what JSON cannot hold (undefined, functions), so the result is JSON.
  const json: unknown = JSON.parse(JSON.stringify(value));
  return json as JsonObject;
}
