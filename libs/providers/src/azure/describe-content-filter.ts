import { z } from 'zod';

const categorySchema = z.looseObject({
  filtered: z.boolean().optional(),
  detected: z.boolean().optional(),
  severity: z.string().optional(),
});

/** Azure's per-category content-filter verdicts (`hate`, `jailbreak`, `profanity`…). */
const contentFilterResultSchema = z.record(z.string(), z.unknown());

/**
 * The categories Azure's content filter acted on, e.g. `hate (high), jailbreak (detected)`:
 * the reason kept when a filtered answer or a refused prompt is reported. Undefined when the
 * result names no filtered category.
 */
export function describeContentFilter(result: unknown): string | undefined {
  const parsed = contentFilterResultSchema.safeParse(result);
  if (!parsed.success) return undefined;
  const reasons: string[] = [];
  for (const [category, value] of Object.entries(parsed.data)) {
    const verdict = categorySchema.safeParse(value);
    if (!verdict.success || verdict.data.filtered !== true) continue;
    const detail =
      verdict.data.severity ?? (verdict.data.detected === true ? 'detected' : undefined);
    reasons.push(detail === undefined ? category : `${category} (${detail})`);
  }
  return reasons.length === 0 ? undefined : reasons.join(', ');
}
