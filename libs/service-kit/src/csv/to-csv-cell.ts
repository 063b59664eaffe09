/** Characters that make a spreadsheet read a cell as a formula (or a DDE call). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): null is empty; text that a spreadsheet would run as a formula gets a
 * leading `'` (OWASP's CSV-injection guard: prompts, error messages and user ids come from
 * callers); a cell with a quote, comma or line break is quoted, its quotes doubled. Numbers and
 * booleans are written as they are (a negative number stays a number).
 */
export function toCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One CSV record, CRLF-terminated as RFC 4180 has it. */
export function toCsvRow(
  cells: ReadonlyArray<string | number | boolean | null | undefined>,
): string {
  return `${cells.map(toCsvCell).join(',')}\r\n`;
}
