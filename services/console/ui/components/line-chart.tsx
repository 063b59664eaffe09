/** One point of a series over time. */
export interface SeriesPoint {
  label: string;
  value: number;
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 16, bottom: 28, left: 84 };

/** A small inline-SVG line and area chart, scaled to its container's width. */
export function LineChart({
  title,
  points,
  format = (value) => String(value),
}: {
  title: string;
  points: readonly SeriesPoint[];
  format?: (value: number) => string;
}) {
  if (points.length === 0) {
    return (
      <figure class="chart">
        <figcaption>{title}</figcaption>
        <p class="state state-empty">No data in this range.</p>
      </figure>
    );
  }
  const max = niceCeiling(Math.max(...points.map((point) => point.value), 0));
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (points.length === 1 ? innerWidth / 2 : (index / (points.length - 1)) * innerWidth);
  const y = (value: number) => PAD.top + innerHeight - (value / max) * innerHeight;
  const line = points.map((point, index) => `${x(index)},${y(point.value)}`).join(' ');
  const area = `${x(0)},${y(0)} ${line} ${x(points.length - 1)},${y(0)}`;
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <title>{title}</title>
        {[0, 0.5, 1].map((share) => (
          <g key={share}>
            <line
              class="chart-grid"
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(max * share)}
              y2={y(max * share)}
            />
            <text class="chart-axis" x={PAD.left - 6} y={y(max * share) + 4} text-anchor="end">
              {format(max * share)}
            </text>
          </g>
        ))}
        <polygon class="chart-area" points={area} />
        <polyline class="chart-line" points={line} />
        {points.map((point, index) => (
          <g key={point.label}>
            <circle class="chart-dot" cx={x(index)} cy={y(point.value)} r={3}>
              <title>{`${point.label}: ${format(point.value)}`}</title>
            </circle>
            {index % labelEvery === 0 && (
              <text
                class="chart-axis"
                x={x(index)}
                y={HEIGHT - 8}
                text-anchor={
                  points.length === 1
                    ? 'middle'
                    : index === 0
                      ? 'start'
                      : index === points.length - 1
                        ? 'end'
                        : 'middle'
                }
              >
                {point.label}
              </text>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** The smallest of 1, 2 or 5 × 10^k at or above `value` (1 for nothing), for round axis ticks. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((multiple) => multiple * power >= value) ?? 10;
  return step * power;
}
