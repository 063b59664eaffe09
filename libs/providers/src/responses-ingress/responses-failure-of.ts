import { z } from 'zod';
import { parseOpenAiError } from '../openai-compatible/parse-openai-error.js';
import type { ProviderError } from '../provider-error.js';

/** A failed Response's `error`: OpenAI's code and message. */
const failedSchema = z.looseObject({
  status: z.literal('failed'),
  error: z.looseObject({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

/** The HTTP status an error response with this Response error code would have had. */
function statusOf(code: string | null): number {
  if (code === 'rate_limit_exceeded') return 429;
  if (code === 'vector_store_timeout') return 504;
  // invalid_prompt and the image codes (invalid_image_url, image_too_large…): the input's fault.
  if (code === 'invalid_prompt' || code?.includes('image')) return 400;
  return 500;
}

/**
 * The failure a Response reports of itself (`status: "failed"`, as `response.failed` carries
 * it): typed as the error response it stands for (a rate limit 429, a refused prompt 400, any
 * other 500), for the ledger; undefined for a Response that did not fail.
 */
export function responsesFailureOf(response: unknown): ProviderError | undefined {
  const parsed = failedSchema.safeParse(response);
  if (!parsed.success) return undefined;
  const code = parsed.data.error?.code ?? null;
  const message = parsed.data.error?.message || 'The Response failed.';
  return parseOpenAiError(statusOf(code), JSON.stringify({ error: { message, code } }), {}, 0);
}
