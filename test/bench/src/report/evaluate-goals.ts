import { evaluateCapacityGoals } from './evaluate-capacity-goals.js';
import { evaluateLoadGoals } from './evaluate-load-goals.js';
import type { GoalCheck } from './goal-check.js';
import type { GoalInputs } from './goal-inputs.js';

/**
 * Every goal of issue 15 against one run: the gateway (distributed, a team key under limits,
 * usage published, logging at info) and the standalone, against the floor proxy and the peer
 * measured in the same run.
 */
export function evaluateGoals(inputs: GoalInputs): GoalCheck[] {
  return [...evaluateLoadGoals(inputs), ...evaluateCapacityGoals(inputs)];
}
