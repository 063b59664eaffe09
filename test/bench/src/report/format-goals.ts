import { formatTable } from './format-table.js';
import type { GoalCheck, GoalUnit } from './goal-check.js';

/** The goals beside what this run measured: status, value, bound and where they come from. */
export function formatGoals(goals: readonly GoalCheck[]): string {
  const rows = goals.map((goal) => [
    goal.goal,
    goal.met === undefined ? 'not measured' : goal.met ? 'met' : 'MISSED',
    formatValue(goal.measured, goal.unit),
    `${goal.atLeast ? '≥' : '≤'} ${formatValue(goal.limit, goal.unit)}`,
  ]);
  // The basis is free text of any length: left-aligned after the table's last column.
  const lines = formatTable(['goal', 'status', 'measured', 'limit'], rows, 2).split('\n');
  const bases = ['basis', '─────', ...goals.map((goal) => goal.basis)];
  return lines.map((line, index) => `${line}  ${bases[index] ?? ''}`).join('\n');
}

/** A goal's value with its unit: whole µs and streams, ms to the µs below 10 ms. */
export function formatValue(value: number | undefined, unit: GoalUnit): string {
  if (value === undefined || !Number.isFinite(value)) return `— ${unit}`;
  switch (unit) {
    case 'µs':
    case 'streams':
      return `${Math.round(value)} ${unit}`;
    case 'ms':
      return `${Math.abs(value) < 10 ? value.toFixed(3) : Math.round(value)} ms`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case '%':
      return `${value.toFixed(2)} %`;
    case '×':
      return `${value.toFixed(2)}×`;
  }
}
