/** Most warnings named in the header; the rest are counted in a `+K more` marker. */
export const MAX_HEADER_WARNINGS = 20;
/** Longest header value (characters, all ASCII): a client or proxy reads it whatever it holds. */
export const MAX_WARNINGS_HEADER_CHARS = 1_024;
/** Longest single warning once encoded; a longer one is cut and ends with `...`. */
const MAX_WARNING_CHARS = 200;

/** Characters a warning keeps as they are: printable ASCII but `%` and the separator `;`. */
const KEPT_AS_IS = /^[\x20-\x24\x26-\x3a\x3c-\x7e]$/;

/**
 * The `x-switchyard-warnings` value: warnings joined by `; `, each percent-encoded (UTF-8) for
 * every character outside printable ASCII and for `%` and `;`, so a request's field names (`中`,
 * CR/LF, NUL) can never make an invalid header, and `decodeURIComponent` gives each back. At
 * most MAX_HEADER_WARNINGS warnings and MAX_WARNINGS_HEADER_CHARS characters, the rest counted
 * in a last `+K more`. Undefined when there is nothing to say.
 */
export function warningsHeader(warnings: readonly string[]): string | undefined {
  if (warnings.length === 0) return undefined;
  const kept: string[] = [];
  let length = 0;
  for (const [index, warning] of warnings.entries()) {
    const encoded = encodeWarning(warning);
    const left = warnings.length - index - 1;
    // Room for this warning, and for the marker should any be left out after it.
    const marker = left > 0 ? `; +${left} more`.length : 0;
    const separator = kept.length > 0 ? 2 : 0;
    if (
      kept.length === MAX_HEADER_WARNINGS ||
      length + separator + encoded.length + marker > MAX_WARNINGS_HEADER_CHARS
    ) {
      kept.push(`+${warnings.length - index} more`);
      break;
    }
    kept.push(encoded);
    length += separator + encoded.length;
  }
  return kept.join('; ');
}

function encodeWarning(warning: string): string {
  const pieces: string[] = [];
  let length = 0;
  for (const character of warning) {
    const piece = KEPT_AS_IS.test(character) ? character : percentEncode(character);
    pieces.push(piece);
    length += piece.length;
    if (length > MAX_WARNING_CHARS) break;
  }
  if (length <= MAX_WARNING_CHARS) return pieces.join('');
  // Cut between characters, never through an escape (`%E4%B8` would not decode).
  let kept = '';
  for (const piece of pieces) {
    if (kept.length + piece.length > MAX_WARNING_CHARS - 3) break;
    kept += piece;
  }
  return `${kept}...`;
}

/** UTF-8 percent-encoding; Buffer writes a lone surrogate as U+FFFD (encodeURIComponent throws). */
function percentEncode(character: string): string {
  return [...Buffer.from(character, 'utf8')]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}
