/**
 * Exact USD arithmetic on decimal strings ("0.0000025"): amounts are a bigint of units at a
 * power-of-ten scale, so money never passes through binary floating point.
 */
export interface UsdAmount {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Parses a non-negative decimal string; throws on anything else. */
export function parseUsd(text: string): UsdAmount {
  const match = DECIMAL.exec(text);
  if (!match) throw new Error(`not a non-negative decimal: ${JSON.stringify(text)}`);
  const fraction = match[2] ?? '';
  return { units: BigInt(`${match[1]}${fraction}`), scale: fraction.length };
}

/** The amount times a whole number (tokens × price per token). */
export function multiplyUsd(amount: UsdAmount, count: number): UsdAmount {
  return { units: amount.units * BigInt(count), scale: amount.scale };
}

/** The sum of amounts, at the largest scale among them. */
export function sumUsd(amounts: readonly UsdAmount[]): UsdAmount {
  const scale = Math.max(0, ...amounts.map((amount) => amount.scale));
  let units = 0n;
  for (const amount of amounts) units += amount.units * 10n ** BigInt(scale - amount.scale);
  return { units, scale };
}

/** The amount as a plain decimal string without trailing zeros ("0.00004"). */
export function formatUsd(amount: UsdAmount): string {
  const digits = amount.units.toString().padStart(amount.scale + 1, '0');
  const whole = digits.slice(0, digits.length - amount.scale);
  const fraction = digits.slice(digits.length - amount.scale).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** Most decimals an amount keeps from a number (the ledger's `numeric(30, 18)`). */
const NUMBER_SCALE = 18;
/** Amounts read from numbers stay below this many USD (the ledger's 12 whole digits). */
const NUMBER_LIMIT = 1e12;

/**
 * A JSON number as an exact amount: the decimal a provider wrote (`0.000123`, or `1.5e-7`, which
 * JSON allows), read from the number's shortest round-trip form so no binary noise creeps in,
 * rounded up to 18 decimals. Undefined for what is not a finite number in [0, 10^12).
 */
export function usdFromNumber(value: number): UsdAmount | undefined {
  if (!Number.isFinite(value) || value < 0 || value >= NUMBER_LIMIT) return undefined;
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  const exponent = Number(match[3] ?? 0);
  const units = BigInt(`${match[1]}${fraction}`);
  const scale = fraction.length - exponent;
  if (scale <= 0) return { units: units * 10n ** BigInt(-scale), scale: 0 };
  if (scale <= NUMBER_SCALE) return { units, scale };
  const divisor = 10n ** BigInt(scale - NUMBER_SCALE);
  const rounded = units / divisor + (units % divisor === 0n ? 0n : 1n);
  return { units: rounded, scale: NUMBER_SCALE };
}

const NANOS_SCALE = 9;

/**
 * The amount in whole nano-USD, rounded up (budgets reserve at least the true cost). Exact for
 * amounts with up to nine decimals at any size: a bigint, never a float (a $99,999,999,999
 * budget is 10^20 nano-USD, far past what a double holds exactly).
 */
export function toNanoUsd(amount: UsdAmount): bigint {
  const shift = NANOS_SCALE - amount.scale;
  if (shift >= 0) return amount.units * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const whole = amount.units / divisor;
  return amount.units % divisor === 0n ? whole : whole + 1n;
}

/** Nano-USD as a decimal string ("0.000001"); a number must be a whole, safe integer. */
export function formatNanoUsd(nanos: bigint | number): string {
  return formatUsd({
    units: typeof nanos === 'bigint' ? nanos : BigInt(Math.round(nanos)),
    scale: NANOS_SCALE,
  });
}
