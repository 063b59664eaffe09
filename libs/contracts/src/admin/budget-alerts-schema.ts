import { z } from 'zod';

/** Thresholds a budget alerts at when none are configured: half, most, all of the limit. */
export const DEFAULT_BUDGET_ALERT_THRESHOLDS: readonly number[] = Object.freeze([50, 80, 100]);

/**
 * A budget's spend alerts: percents of the limit that send one alert each per period (1–1000,
 * at most 10, no repeats; `[]` for none) and whether a projected overspend does. Absent fields
 * keep the defaults ({@link DEFAULT_BUDGET_ALERT_THRESHOLDS}, projection on).
 */
export const budgetAlertsSchema = z.strictObject({
  thresholds_percent: z
    .array(z.number().int().min(1).max(1_000))
    .max(10)
    .refine((values) => new Set(values).size === values.length, {
      error: 'thresholds must not repeat',
    })
    .optional(),
  projected_overspend: z.boolean().optional(),
});
export type BudgetAlertsInput = z.infer<typeof budgetAlertsSchema>;

/** A budget's spend alerts as the admin API shows them, defaults filled in. */
export const budgetAlertsJsonSchema = z.object({
  thresholds_percent: z.array(z.number().int()),
  projected_overspend: z.boolean(),
});
export type BudgetAlertsJson = z.infer<typeof budgetAlertsJsonSchema>;
