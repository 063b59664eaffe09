/**
 * Moves the decimal point of a non-negative decimal string `places` to the right (negative:
 * left), exactly, with no binary floating point: `decimalShift('0.0000025', 6)` is `'2.5'`.
 * Returns undefined for text that is not a plain decimal.
 */
export function decimalShift(text: string, places: number): string | undefined {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (match === null || text.trim() === '' || text.trim() === '.') return undefined;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  const digits = `${whole}${fraction}`;
  // Position of the point counted from the left of `digits`, after the shift.
  let point = whole.length + places;
  let padded = digits;
  if (point > padded.length) padded = padded.padEnd(point, '0');
  if (point < 0) {
    padded = `${'0'.repeat(-point)}${padded}`;
    point = 0;
  }
  const integerPart = padded.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fractionPart = padded.slice(point).replace(/0+$/, '');
  return fractionPart === '' ? integerPart : `${integerPart}.${fractionPart}`;
}
