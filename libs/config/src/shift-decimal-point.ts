const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Moves the decimal point of a non-negative decimal string by `places` (negative moves it left)
 * on the digits themselves, so prices stay exact: `shiftDecimalPoint('2.50', -6)` is `'0.0000025'`.
 * The result is canonical: no leading or trailing zeros beyond what is needed.
 */
export function shiftDecimalPoint(value: string, places: number): string {
  const match = DECIMAL.exec(value);
  if (match === null || !Number.isInteger(places)) {
    throw new RangeError(`cannot shift the decimal point of "${value}" by ${places}`);
  }
  const integer = match[1] ?? '';
  const digits = integer + (match[2] ?? '');
  const point = integer.length + places;
  const padded =
    point <= 0
      ? '0'.repeat(1 - point) + digits
      : digits.padEnd(Math.max(point, digits.length), '0');
  const at = Math.max(point, 1);
  const integerPart = padded.slice(0, at).replace(/^0+(?=\d)/, '');
  const fractionPart = padded.slice(at).replace(/0+$/, '');
  return fractionPart === '' ? integerPart : `${integerPart}.${fractionPart}`;
}
