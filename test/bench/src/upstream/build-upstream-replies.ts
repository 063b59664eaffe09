import { answerWords, PROMPT_TOKENS } from './answer-words.js';

/** The model name the upstream reports; clients and gateways ask for it. */
export const UPSTREAM_MODEL = 'gpt-test';

/** The pre-serialized bodies the fast upstream answers with, built once at start. */
export interface UpstreamReplies {
  /** A `chat.completion` JSON body with usage. */
  readonly completion: Buffer;
  /** SSE events of a streamed answer, each `data: …\n\n`, without the usage event. */
  readonly streamEvents: readonly string[];
  /** The `choices: []` event carrying usage, sent when `stream_options.include_usage` is set. */
  readonly usageEvent: string;
  /** The closing `data: [DONE]\n\n`. */
  readonly doneEvent: string;
}

const CREATED = 1_700_000_000;

/**
 * Builds OpenAI-shaped replies: a role chunk, `chunks` content chunks of one word each, a finish
 * chunk, then usage. Fixed ids and timestamps: the upstream spends no time making them up.
 */
export function buildUpstreamReplies(chunks: number): UpstreamReplies {
  const words = answerWords(chunks);
  const usage = {
    prompt_tokens: PROMPT_TOKENS,
    completion_tokens: chunks,
    total_tokens: PROMPT_TOKENS + chunks,
  };
  const completion = {
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: CREATED,
    model: UPSTREAM_MODEL,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: words.join(''), refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage,
  };
  const event = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: CREATED, model: UPSTREAM_MODEL, choices, ...extra })}\n\n`;
  const delta = (value: Record<string, unknown>, finishReason: string | null = null) => [
    { index: 0, delta: value, logprobs: null, finish_reason: finishReason },
  ];
  return {
    completion: Buffer.from(JSON.stringify(completion)),
    streamEvents: [
      event(delta({ role: 'assistant', content: '' })),
      ...words.map((word) => event(delta({ content: word }))),
      event(delta({}, 'stop')),
    ],
    usageEvent: event([], { usage }),
    doneEvent: 'data: [DONE]\n\n',
  };
}
