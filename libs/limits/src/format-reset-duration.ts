/**
 * A duration in ms the way OpenAI writes `x-ratelimit-reset-*` (Go's duration format):
 * `0s`, `20ms`, `8.64s`, `6m0s`, `1h2m3.5s`.
 */
export function formatResetDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const millis = total % 60_000;
  const seconds = `${Math.floor(millis / 1000)}${fraction(millis % 1000)}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}

const fraction = (millis: number): string =>
  millis === 0 ? '' : `.${String(millis).padStart(3, '0').replace(/0+$/, '')}`;
