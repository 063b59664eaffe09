/**
 * The largest value of metric `name` in a Prometheus text exposition (over all its label sets),
 * or undefined when it is absent: e.g. `nodejs_eventloop_lag_max_seconds`.
 */
export function readMetricValue(exposition: string, name: string): number | undefined {
  let largest: number | undefined;
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== '{' && rest[0] !== ' ') continue;
    const value = Number(rest.slice(rest.lastIndexOf(rest[0] === '{' ? '}' : ' ') + 1).trim());
    if (Number.isFinite(value)) largest = largest === undefined ? value : Math.max(largest, value);
  }
  return largest;
}
