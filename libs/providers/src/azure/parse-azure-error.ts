import { z } from 'zod';
import { parseOpenAiError } from '../openai-compatible/parse-openai-error.js';
import { ProviderError } from '../provider-error.js';
import { parseJson } from '../shared/parse-json.js';
import { describeContentFilter } from './describe-content-filter.js';

const contentFilterErrorSchema = z.looseObject({
  error: z.looseObject({
    code: z.literal('content_filter'),
    message: z.string().optional(),
    param: z.string().nullish(),
    innererror: z.looseObject({ content_filter_result: z.unknown() }).nullish(),
  }),
});

/**
 * Azure's errors are OpenAI's shape; a prompt refused by Azure's content filter (400, code
 * `content_filter`, `innererror.content_filter_result`) becomes an `invalid_request` with code
 * `content_filter` whose message names the categories that were filtered.
 */
export function parseAzureError(
  status: number,
  bodyText: string,
  headers: Readonly<Record<string, string | undefined>>,
  nowMs: number,
): ProviderError {
  const filtered = contentFilterErrorSchema.safeParse(parseJson(bodyText));
  if (!filtered.success) return parseOpenAiError(status, bodyText, headers, nowMs);
  const { error } = filtered.data;
  const reason = describeContentFilter(error.innererror?.content_filter_result);
  const message = error.message ?? 'The prompt was filtered by Azure content filtering.';
  return new ProviderError(reason === undefined ? message : `${message} (filtered: ${reason})`, {
    kind: 'invalid_request',
    status,
    code: 'content_filter',
    param: error.param ?? 'prompt',
    retryable: false,
  });
}
