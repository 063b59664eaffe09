import type { OpenAiUsage, ResponsesUsage } from '@switchyard/contracts';

/** Chat usage in the Responses shape; a `cost` Switchyard annotated stays. */
export function toResponsesUsage(usage: OpenAiUsage): ResponsesUsage {
  const input = usage.prompt_tokens;
  const output = usage.completion_tokens ?? 0;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0 },
    output_tokens: output,
    output_tokens_details: {
      reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
    },
    total_tokens: usage.total_tokens ?? input + output,
    ...(usage.cost !== undefined && { cost: usage.cost }),
  };
}
