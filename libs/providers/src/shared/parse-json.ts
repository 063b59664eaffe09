/** JSON text as a value, or undefined when it is not JSON: upstream text is never trusted to parse. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
