import type { RoutePricing } from '@switchyard/db';
import { z } from 'zod';
import type { SourceModel } from '../source-model.js';
import { canonicalDecimal } from './canonical-decimal.js';

/** A price per token above this is not a real price but a unit or data error. */
const MAX_PRICE_PER_TOKEN = 1;
/** Per-request and per-image charges may be larger, but not beyond this. */
const MAX_PRICE_PER_UNIT = 10;
const MAX_CONTEXT_LENGTH = 10_000_000;
const DECIMAL = /^\d+(\.\d+)?$/;

const entrySchema = z.looseObject({
  id: z.unknown().optional(),
  name: z.unknown().optional(),
  context_length: z.unknown().optional(),
  pricing: z.looseObject({}).optional(),
  architecture: z
    .looseObject({
      input_modalities: z.array(z.string()).optional(),
      output_modalities: z.array(z.string()).optional(),
    })
    .optional(),
  top_provider: z
    .looseObject({ max_completion_tokens: z.unknown().optional() })
    .nullable()
    .optional(),
  supported_parameters: z.array(z.string()).nullable().optional(),
});

/** One OpenRouter entry: normalised, or rejected with the reason (logged and reported). */
export type NormalizedEntry =
  | { ok: true; model: SourceModel }
  | { ok: false; id: string; reason: string };

/**
 * Validates and normalises one entry of an OpenRouter-format `GET /api/v1/models` list: missing
 * fields, negative or absurd prices (over $1 per token) and context lengths outside 1..10M are
 * rejected for this entry only.
 */
export function normalizeOpenRouterModel(entry: unknown): NormalizedEntry {
  const parsed = entrySchema.safeParse(entry);
  const rawId =
    typeof entry === 'object' && entry !== null && 'id' in entry ? String(entry.id) : '(no id)';
  if (!parsed.success)
    return { ok: false, id: rawId, reason: 'not an object of the expected shape' };
  const raw = parsed.data;
  const reject = (reason: string): NormalizedEntry => ({ ok: false, id: rawId, reason });
  if (typeof raw.id !== 'string' || !/^[^/\s]+\/[^\s]+$/.test(raw.id)) {
    return reject('id is missing or not provider/model');
  }
  if (typeof raw.name !== 'string' || raw.name.trim() === '') return reject('name is missing');
  const context = raw.context_length;
  if (typeof context !== 'number' || !Number.isInteger(context)) {
    return reject('context_length is missing or not an integer');
  }
  if (context <= 0 || context > MAX_CONTEXT_LENGTH) {
    return reject(`context_length ${context} is outside 1..${MAX_CONTEXT_LENGTH}`);
  }
  const maxOutput = raw.top_provider?.max_completion_tokens ?? null;
  if (
    maxOutput !== null &&
    (typeof maxOutput !== 'number' || !Number.isInteger(maxOutput) || maxOutput <= 0)
  ) {
    return reject('top_provider.max_completion_tokens is not a positive integer');
  }
  const pricing = toPricing(raw.pricing ?? {});
  if (typeof pricing === 'string') return reject(pricing);
  const freeVariant = raw.id.endsWith(':free');
  const output = raw.architecture?.output_modalities ?? ['text'];
  return {
    ok: true,
    model: {
      id: freeVariant ? raw.id.slice(0, -':free'.length) : raw.id,
      sourceId: raw.id,
      name: raw.name.trim().replace(/\s*\(free\)$/i, ''),
      kind: output.includes('embeddings') ? 'embedding' : 'chat',
      contextLength: context,
      maxOutputTokens: maxOutput,
      modalities: { input: raw.architecture?.input_modalities ?? ['text'], output },
      supportedParameters: raw.supported_parameters ?? [],
      pricing,
      freeVariant,
    },
  };
}

/** OpenRouter's pricing object as a route's pricing, or the reason it is unusable. */
function toPricing(raw: Record<string, unknown>): RoutePricing | string {
  const read = (field: string, max: number, required: boolean): string | null | Error => {
    const value = raw[field];
    if (value === undefined || value === null || value === '') {
      return required ? new Error(`pricing.${field} is missing`) : null;
    }
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string') return new Error(`pricing.${field} is not a decimal string`);
    if (text.trim().startsWith('-')) return new Error(`pricing.${field} ${text} is negative`);
    if (!DECIMAL.test(text.trim())) return new Error(`pricing.${field} ${text} is not a decimal`);
    const canonical = canonicalDecimal(text.trim());
    if (Number(canonical) > max)
      return new Error(`pricing.${field} ${text} is absurd (over $${max})`);
    // A zero optional charge is no charge.
    return !required && canonical === '0' ? null : canonical;
  };
  const fields = {
    prompt: read('prompt', MAX_PRICE_PER_TOKEN, true),
    completion: read('completion', MAX_PRICE_PER_TOKEN, true),
    cached_prompt: read('input_cache_read', MAX_PRICE_PER_TOKEN, false),
    cache_write: read('input_cache_write', MAX_PRICE_PER_TOKEN, false),
    reasoning: read('internal_reasoning', MAX_PRICE_PER_TOKEN, false),
    per_request: read('request', MAX_PRICE_PER_UNIT, false),
    per_image: read('image', MAX_PRICE_PER_UNIT, false),
  };
  for (const value of Object.values(fields)) if (value instanceof Error) return value.message;
  const { prompt, completion, cached_prompt, cache_write, reasoning, per_request, per_image } =
    fields as { [K in keyof typeof fields]: Exclude<(typeof fields)[K], Error> };
  return {
    prompt: prompt ?? '0',
    completion: completion ?? '0',
    cached_prompt,
    cache_write,
    // OpenRouter lists one cache-write rate; 1-hour writes are billed at it.
    cache_write_1h: null,
    reasoning,
    per_request,
    per_image,
  };
}
