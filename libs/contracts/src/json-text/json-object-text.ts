/** One top-level member of a JSON object's text: where its key begins, where its value begins and ends. */
export interface JsonMember {
  /** The key, unescaped. */
  readonly key: string;
  /** The index of the key's opening quote. */
  readonly keyStart: number;
  readonly start: number;
  /** The index after the value's last character. */
  readonly end: number;
}

/**
 * A JSON object's text as it was sent, with its top-level members located: what a pass-through
 * changes a field of without re-serialising the rest. Found by the same pass that checks a
 * request body's depth (`inspectJsonText`), so the body is scanned once.
 */
export interface JsonObjectText {
  readonly text: string;
  readonly members: readonly JsonMember[];
  /** The index of the object's closing brace. */
  readonly closing: number;
}
