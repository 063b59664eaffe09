import type { SeriesPoint } from './line-chart.js';

/** Horizontal bars, largest first (at most `limit`), as HTML so labels wrap on phones. */
export function BarChart({
  title,
  points,
  format = (value) => String(value),
  limit = 8,
}: {
  title: string;
  points: readonly SeriesPoint[];
  format?: (value: number) => string;
  limit?: number;
}) {
  const shown = [...points].sort((a, b) => b.value - a.value).slice(0, limit);
  const max = Math.max(...shown.map((point) => point.value), 0) || 1;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {shown.length === 0 ? (
        <p class="state state-empty">No data in this range.</p>
      ) : (
        <ul class="bars">
          {shown.map((point) => (
            <li key={point.label}>
              <span class="bar-label" title={point.label}>
                {point.label}
              </span>
              <span class="bar-track">
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                  <rect
                    class="bar-fill"
                    x="0"
                    y="0"
                    height="10"
                    width={(point.value / max) * 100}
                  />
                </svg>
              </span>
              <span class="bar-value">{format(point.value)}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
