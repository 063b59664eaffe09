/**
 * Whether two NATS subjects or patterns can match a common subject: `*` matches one token, `>`
 * the rest (one token or more). For a literal subject this is "the pattern matches it".
 */
export function subjectsOverlap(first: string, second: string): boolean {
  const a = first.split('.');
  const b = second.split('.');
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const left = a[index];
    const right = b[index];
    if (left === undefined || right === undefined) return false; // `>` needs a token
    if (left === '>' || right === '>') return true;
    if (left !== right && left !== '*' && right !== '*') return false;
  }
  return true;
}

/** Whether a subject is a valid literal one to publish on: dot-separated, no wildcards. */
export function isPublishableSubject(subject: string): boolean {
  return /^[^\s.*>]+(\.[^\s.*>]+)*$/.test(subject);
}

/** Whether a pattern is a valid one to subscribe to: tokens non-empty, `>` only at the end. */
export function isSubjectPattern(pattern: string): boolean {
  const tokens = pattern.split('.');
  return tokens.every(
    (token, index) =>
      /^[^\s]+$/.test(token) &&
      (token === '*' || token === '>' || !/[*>]/.test(token)) &&
      (token !== '>' || index === tokens.length - 1),
  );
}
