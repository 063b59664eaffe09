/** Throws a RangeError unless `tokens` is a non-negative safe integer (tokens are integers). */
export function assertTokenCount(tokens: number, name: string): void {
  if (!Number.isSafeInteger(tokens) || tokens < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${tokens}`);
  }
}
