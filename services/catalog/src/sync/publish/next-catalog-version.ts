/**
 * The version after `previous`: `<ISO time>-<counter>`, eight-digit counter. The time never goes
 * back (a replica with a slow clock takes the previous one's) and the counter always goes up, so
 * versions compare as strings.
 */
export function nextCatalogVersion(previous: string | undefined, now: Date): string {
  const match = previous === undefined ? null : /^(.+)-(\d{8,})$/.exec(previous);
  const previousTime = match?.[1] === undefined ? Number.NaN : Date.parse(match[1]);
  const time = Number.isNaN(previousTime) ? now.getTime() : Math.max(now.getTime(), previousTime);
  const counter = match?.[2] === undefined ? 1 : Number(match[2]) + 1;
  return `${new Date(time).toISOString()}-${String(counter).padStart(8, '0')}`;
}
