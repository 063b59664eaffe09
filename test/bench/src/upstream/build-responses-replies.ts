import { answerWords, PROMPT_TOKENS } from './answer-words.js';

/** The model name the upstream's Responses endpoint reports; Switchyard's `bench/responses` maps to it. */
export const RESPONSES_UPSTREAM_MODEL = 'gpt-responses';

/** The pre-serialized Responses API bodies the fast upstream answers with, built once. */
export interface ResponsesReplies {
  /** A completed `response` JSON body with one message and usage. */
  readonly response: Buffer;
  /** Every SSE event of a streamed Response, each `event: …\ndata: …\n\n`, in order. */
  readonly streamEvents: readonly string[];
}

/** What a Response repeats of its request (OpenAI echoes these in every Response it sends). */
export interface ResponsesEcho {
  readonly instructions: unknown;
  readonly tools: unknown;
}

/** A reply builder that echoes each request's instructions and tools, as OpenAI does. */
export type ResponsesReplier = (echo: ResponsesEcho) => ResponsesReplies;

/** At most this many echoing reply sets are kept; the bench sends one or two kinds of body. */
const MAX_CACHED = 8;

/**
 * Replies for `chunks` words that echo the request's `instructions` and `tools` in every
 * Response (`response.created`, `.in_progress`, `.completed`), as OpenAI's Responses API does:
 * on a Codex turn each of those events carries the ~70 KB of instructions and tool definitions.
 * Built once per kind of request (keyed by the instructions and the number of tools), so the
 * upstream spends no time per request on them.
 */
export function createResponsesReplier(chunks: number): ResponsesReplier {
  const cache = new Map<string, ResponsesReplies>();
  return (echo) => {
    const tools = Array.isArray(echo.tools) ? echo.tools : [];
    const instructions = typeof echo.instructions === 'string' ? echo.instructions : null;
    const key = `${tools.length}\n${instructions ?? ''}`;
    let replies = cache.get(key);
    if (replies === undefined) {
      if (cache.size >= MAX_CACHED) cache.clear();
      replies = buildResponsesReplies(chunks, { instructions, tools });
      cache.set(key, replies);
    }
    return replies;
  };
}

const CREATED = 1_700_000_000;
const RESPONSE_ID = 'resp_bench';
const MESSAGE_ID = 'msg_bench';

/**
 * Builds replies in the Responses API's wire format (as `libs/testing`'s fake OpenAI streams
 * them): response.created, response.in_progress, the message's output_item.added and
 * content_part.added, one output_text.delta per word (the same words as the chat stream),
 * output_text.done, content_part.done, output_item.done, then response.completed carrying usage;
 * each event numbered by `sequence_number`, and no `[DONE]`. Fixed ids: the upstream spends no
 * time making them up. Each Response carries `echo`'s instructions and tools.
 */
export function buildResponsesReplies(
  chunks: number,
  echo: ResponsesEcho = { instructions: null, tools: [] },
): ResponsesReplies {
  const words = answerWords(chunks);
  const text = words.join('');
  const part = { type: 'output_text', text, annotations: [], logprobs: [] };
  const message = {
    type: 'message',
    id: MESSAGE_ID,
    status: 'completed',
    role: 'assistant',
    content: [part],
  };
  const response = {
    id: RESPONSE_ID,
    object: 'response',
    created_at: CREATED,
    status: 'completed',
    error: null,
    incomplete_details: null,
    instructions: echo.instructions,
    max_output_tokens: null,
    model: RESPONSES_UPSTREAM_MODEL,
    output: [message],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: false,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: echo.tools,
    usage: {
      input_tokens: PROMPT_TOKENS,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: chunks,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: PROMPT_TOKENS + chunks,
    },
  };
  const started = { ...response, status: 'in_progress', output: [], usage: null };
  const at = { item_id: MESSAGE_ID, output_index: 0, content_index: 0 };
  const events: string[] = [];
  const push = (type: string, fields: Record<string, unknown>) => {
    const data = { type, sequence_number: events.length, ...fields };
    events.push(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  push('response.created', { response: started });
  push('response.in_progress', { response: started });
  push('response.output_item.added', {
    output_index: 0,
    item: { ...message, status: 'in_progress', content: [] },
  });
  push('response.content_part.added', { ...at, part: { ...part, text: '' } });
  for (const word of words)
    push('response.output_text.delta', { ...at, delta: word, logprobs: [] });
  push('response.output_text.done', { ...at, text, logprobs: [] });
  push('response.content_part.done', { ...at, part });
  push('response.output_item.done', { output_index: 0, item: message });
  push('response.completed', { response });
  return { response: Buffer.from(JSON.stringify(response)), streamEvents: events };
}
