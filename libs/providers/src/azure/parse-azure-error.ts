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
    // Chat Completions and embeddings: one result.
    innererror: z.looseObject({ content_filter_result: z.unknown() }).nullish(),
    // The Responses API: one entry per filtered source, its results in `content_filter_results`.
    content_filters: z
      .array(
        z.looseObject({ blocked: z.boolean().optional(), content_filter_results: z.unknown() }),
      )
      .nullish(),
  }),
});

/**
 * Azure's errors are OpenAI's shape; a prompt refused by Azure's content filter (400, code
 * `content_filter`, the verdicts in `innererror.content_filter_result` on chat or in
 * `content_filters[].content_filter_results` on Responses) becomes an `invalid_request` with code
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
  const verdicts = [
    error.innererror?.content_filter_result,
    ...(error.content_filters ?? [])
      .filter((entry) => entry.blocked !== false)
      .map((entry) => entry.content_filter_results),
  ];
  const reasons = verdicts.map(describeContentFilter).filter((reason) => reason !== undefined);
  const reason = reasons.length === 0 ? undefined : [...new Set(reasons)].join('; ');
  const message = error.message ?? 'The prompt was filtered by Azure content filtering.';
  return new ProviderError(reason === undefined ? message : `${message} (filtered: ${reason})`, {
    kind: 'invalid_request',
    status,
    code: 'content_filter',
    param: error.param ?? 'prompt',
    retryable: false,
  });
}
