import { PROVIDER_TYPES } from '@switchyard/providers';
import { z } from 'zod';
import { baseUrlSchema } from './base-url-schema.js';
import { integerSchema } from './integer-schema.js';
import { KEY_STRATEGIES } from './key-strategy.js';
import { keysSchema } from './keys-schema.js';
import { logLevelSchema } from './log-level.js';
import { MODEL_KINDS } from './model-kind.js';
import { priceSchema } from './price-schema.js';
import { addSigV4ProviderProblems } from './sigv4-provider-problems.js';

const providerNameSchema = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, {
  error: "must be lowercase letters, digits, '-', '_' or '.', starting with a letter or digit",
});
// RFC 9110 token characters.
const headerNameSchema = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { error: 'not a valid HTTP header name' });
const nonEmptyString = z.string().min(1);

const providerSchema = z
  .strictObject({
    name: providerNameSchema,
    type: z.enum(PROVIDER_TYPES),
    base_url: baseUrlSchema,
    /** The AWS region a SigV4 provider signs for, when its base URL names none. */
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'not an AWS region (e.g. us-east-1)' })
      .optional(),
    keys: keysSchema.nullish(),
    key_strategy: z.enum(KEY_STRATEGIES).optional(),
    headers: z.record(headerNameSchema, z.string()).nullish(),
    /**
     * Lets the catalog sync route the makers' models through this provider whenever its model
     * list serves them (Bedrock, Vertex). Off by default: a listing is not access.
     */
    serve_listed_models: z.boolean().optional(),
  })
  .superRefine(addSigV4ProviderProblems);

const pricingSchema = z.strictObject({
  prompt: priceSchema.optional(),
  completion: priceSchema.optional(),
  cached_prompt: priceSchema.optional(),
  reasoning: priceSchema.optional(),
  /** Anthropic prompt-cache writes, 5-minute TTL (1.25× input at Anthropic's list prices). */
  cache_write: priceSchema.optional(),
  /** Anthropic prompt-cache writes, 1-hour TTL (2× input at Anthropic's list prices). */
  cache_write_1h: priceSchema.optional(),
});

const routeSchema = z.strictObject({
  provider: providerNameSchema,
  upstream_model: nonEmptyString.optional(),
  priority: integerSchema(0).optional(),
  pricing: pricingSchema.optional(),
});

// `routes` and the one-route shorthand (provider, upstream_model, pricing) exclude each other;
// findReferenceProblems reports a model that gives both.
const modelSchema = z.strictObject({
  id: z.string().regex(/^[^/]+\/.+$/, { error: "must be '<provider>/<model>', with a '/'" }),
  name: nonEmptyString.optional(),
  kind: z.enum(MODEL_KINDS).optional(),
  provider: providerNameSchema.optional(),
  upstream_model: nonEmptyString.optional(),
  context_length: integerSchema(1),
  max_output_tokens: integerSchema(1).optional(),
  pricing: pricingSchema.optional(),
  routes: z.array(routeSchema).min(1, { error: 'must list at least one route' }).optional(),
});

/** The shape of `switchyard.yaml` (snake_case, strict: unknown keys are problems). */
export const yamlConfigSchema = z.strictObject({
  server: z
    .strictObject({
      host: nonEmptyString.optional(),
      port: integerSchema(0, 65_535).optional(),
      body_limit_bytes: integerSchema(1).optional(),
      headers_timeout_ms: integerSchema(1).optional(),
      body_timeout_ms: integerSchema(1).optional(),
      shutdown_grace_ms: integerSchema(0).optional(),
      idle_heap_trim: z.boolean().optional(),
    })
    .nullish(),
  upstream: z
    .strictObject({
      connect_timeout_ms: integerSchema(1).optional(),
      first_byte_timeout_ms: integerSchema(1).optional(),
      idle_timeout_ms: integerSchema(1).optional(),
      request_timeout_ms: integerSchema(1).optional(),
    })
    .nullish(),
  log_level: logLevelSchema.optional(),
  auth: z.strictObject({ master_key: z.string().optional() }).nullish(),
  providers: z.array(providerSchema).nullish(),
  models: z.array(modelSchema).nullish(),
});

/** `switchyard.yaml` after validation. */
export type YamlConfig = z.output<typeof yamlConfigSchema>;
/** One entry of `providers` after validation. */
export type YamlProvider = z.output<typeof providerSchema>;
/** One entry of `models` after validation. */
export type YamlModel = z.output<typeof modelSchema>;
/** One entry of a model's `routes` after validation. */
export type YamlRoute = z.output<typeof routeSchema>;
