/** A value `jsonb` can hold, as the drivers parse it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object, the shape of every `metadata` column. */
export interface JsonObject {
  [key: string]: JsonValue;
}
