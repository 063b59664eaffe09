import type { ResponsesRequest } from '@switchyard/contracts';

/** What a translated Response is built around: its identity and the request it answers. */
export interface ResponsesContext {
  /** `resp_…`: the id the Response is stored and streamed under. */
  id: string;
  /** Unix seconds. */
  createdAt: number;
  /** The model as the answer names it (the Switchyard id of the model that served). */
  model: string;
  request: ResponsesRequest;
}

/**
 * The Response object without output or usage, echoing the request's settings as OpenAI does:
 * what `response.created` carries, and what the final Response is completed from.
 */
export function responsesShell(context: ResponsesContext, status: string): Record<string, unknown> {
  const { request } = context;
  return {
    id: context.id,
    object: 'response',
    created_at: context.createdAt,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    metadata: request.metadata ?? {},
    model: context.model,
    output: [],
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    reasoning: {
      effort: request.reasoning?.effort ?? null,
      summary: request.reasoning?.summary ?? null,
    },
    store: request.store !== false,
    temperature: request.temperature ?? null,
    text: { format: request.text?.format ?? { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    top_p: request.top_p ?? null,
    truncation: 'disabled',
    usage: null,
    user: request.user ?? null,
  };
}

/** A finish reason as the Response's end: `incomplete` with its reason, or `completed`. */
export function responsesEnd(finishReason: string | null | undefined): {
  status: 'completed' | 'incomplete';
  incomplete_details: { reason: string } | null;
} {
  if (finishReason === 'length') {
    return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
  }
  if (finishReason === 'content_filter') {
    return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
  }
  return { status: 'completed', incomplete_details: null };
}
