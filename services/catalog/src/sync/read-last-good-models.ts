import { catalogPricingV1Schema } from '@switchyard/contracts';
import { z } from 'zod';
import type { ProviderListedModel, SourceModel } from './source-model.js';

const sourceModelSchema = z.object({
  id: z.string().min(1),
  sourceId: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['chat', 'embedding']),
  contextLength: z.number().int().positive(),
  maxOutputTokens: z.number().int().positive().nullable(),
  modalities: z.object({ input: z.array(z.string()), output: z.array(z.string()) }),
  supportedParameters: z.array(z.string()),
  pricing: catalogPricingV1Schema,
  freeVariant: z.boolean(),
});

const listedModelSchema = z.object({
  upstreamModel: z.string().min(1),
  contextLength: z.number().int().positive().nullable(),
  maxOutputTokens: z.number().int().positive().nullable(),
  servedModel: z.string().min(1).optional(),
});

/**
 * Reads a source's stored last good data (`{ models: [...] }` in `catalog.source_states`) back:
 * entries that no longer parse (written by an older release) are dropped, not trusted.
 */
export function readLastGoodModels(kind: 'openrouter', data: unknown): SourceModel[] | undefined;
export function readLastGoodModels(kind: 'list', data: unknown): ProviderListedModel[] | undefined;
export function readLastGoodModels(
  kind: 'openrouter' | 'list',
  data: unknown,
): SourceModel[] | ProviderListedModel[] | undefined {
  const models = z.object({ models: z.array(z.unknown()) }).safeParse(data);
  if (!models.success) return undefined;
  const schema = kind === 'openrouter' ? sourceModelSchema : listedModelSchema;
  const parsed = models.data.models.flatMap((entry) => {
    const result = schema.safeParse(entry);
    return result.success ? [result.data] : [];
  });
  return parsed as SourceModel[] | ProviderListedModel[];
}
