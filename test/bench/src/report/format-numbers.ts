/** Milliseconds with µs resolution; `—` when not measured. */
export function formatMs(value: number | undefined): string {
  return value === undefined ? '—' : value.toFixed(3);
}

/** A signed difference in ms: `+0.412`, `-0.030`. */
export function formatAddedMs(value: number | undefined): string {
  if (value === undefined) return '—';
  return `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
}

/** A signed whole number: `+12`, `-3`, `+0`. */
export function formatSignedCount(value: number): string {
  const rounded = Math.round(value);
  return `${rounded >= 0 ? '+' : ''}${rounded}`;
}

/** A ratio: `1.85×`. */
export function formatRatio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}×`;
}

/** A whole number, or `—`. */
export function formatCount(value: number | undefined): string {
  return value === undefined ? '—' : Math.round(value).toString();
}

/** Bytes as MB with one decimal, or `—`. */
export function formatMegabytes(bytes: number | undefined): string {
  return bytes === undefined ? '—' : (bytes / 1024 / 1024).toFixed(1);
}
