/**
 * Postgres `text` cannot hold NUL: free text from a request (an error message, a logged body) has
 * each NUL replaced by U+FFFD, so one odd byte does not turn a usage event into a dead letter.
 */
export function replaceNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}
