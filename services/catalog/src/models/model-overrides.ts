import { catalogPricingV1Schema } from '@switchyard/contracts';
import { z } from 'zod';

/** What the admin API overrides of a model (`catalog.models.overrides`); it wins over every source. */
export const modelOverridesSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  context_length: z.number().int().positive().max(10_000_000).optional(),
  max_output_tokens: z.number().int().positive().max(10_000_000).nullable().optional(),
  /** Replaces the price of every route of the model. */
  pricing: catalogPricingV1Schema.optional(),
});
export type ModelOverrides = z.infer<typeof modelOverridesSchema>;

/** A stored overrides object; anything unreadable counts as no override rather than failing a publish. */
export function readModelOverrides(value: unknown): ModelOverrides {
  const parsed = modelOverridesSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}
