import type { GoalCheck } from './evaluate-goals.js';
import { formatAddedMs } from './format-numbers.js';
import { formatTable } from './format-table.js';

/** Switchyard's goals beside what this run measured. */
export function formatGoals(goals: readonly GoalCheck[]): string {
  const rows = goals.map((goal) => [
    goal.goal,
    goal.compared,
    goal.met === undefined ? 'not measured' : goal.met ? 'met' : 'MISSED',
    `${formatAddedMs(goal.measuredMs)} ms`,
    `≤ ${goal.limitMs} ms`,
  ]);
  return formatTable(['goal', 'compared', 'status', 'measured', 'limit'], rows, 3);
}
