/**
 * A USD decimal string for people: `$1.23`, or more digits for small amounts (`$0.000042`), cut
 * (not rounded through floats) at six decimals. Returns `—` for null.
 */
export function formatUsd(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (match === null) return amount;
  const whole = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (whole !== '0' || fraction.slice(0, 2).replace(/0/g, '') !== '') {
    return `$${grouped}.${fraction.padEnd(2, '0').slice(0, 2)}`;
  }
  const shown = fraction.slice(0, 6).replace(/0+$/, '');
  return shown === '' ? '$0.00' : `$0.${shown.padEnd(2, '0')}`;
}
