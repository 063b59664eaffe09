import { openAiSseFraming } from '../fake-openai/openai-sse-framing.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { randomId } from '../fake-upstream/random-id.js';
import type { AzureErrorResponse } from './azure-error.js';

const SAFE = { filtered: false, severity: 'safe' };

/** Deployments (or v1 models) whose answers Azure's content filter acts on. */
export const CONTENT_FILTER_MODELS = ['content-filter-prompt', 'content-filter-output'] as const;

/**
 * Azure's content filter: `content-filter-prompt` refuses the prompt (400 `content_filter`, the
 * verdicts in `innererror.content_filter_result`), `content-filter-output` answers with
 * `finish_reason: content_filter` and the choice's `content_filter_results`.
 */
export function answerContentFilter(
  model: (typeof CONTENT_FILTER_MODELS)[number],
  stream: boolean,
): FakeOutcome<AzureErrorResponse> {
  if (model === 'content-filter-prompt') {
    return {
      kind: 'refuse',
      error: {
        status: 400,
        body: {
          error: {
            message:
              "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
            type: null,
            param: 'prompt',
            code: 'content_filter',
            status: 400,
            innererror: {
              code: 'ResponsibleAIPolicyViolation',
              content_filter_result: {
                hate: SAFE,
                jailbreak: { filtered: true, detected: true },
                self_harm: SAFE,
                sexual: SAFE,
                violence: { filtered: true, severity: 'medium' },
              },
            },
          },
        },
      },
    };
  }
  const meta = { id: randomId('chatcmpl-'), created: Math.floor(Date.now() / 1000), model };
  const promptFilter = [{ prompt_index: 0, content_filter_results: { hate: SAFE } }];
  const verdicts = { hate: { filtered: true, severity: 'high' }, violence: SAFE };
  const usage = { prompt_tokens: 5, completion_tokens: 0, total_tokens: 5 };
  const completion = {
    ...meta,
    object: 'chat.completion',
    prompt_filter_results: promptFilter,
    choices: [
      {
        index: 0,
        finish_reason: 'content_filter',
        message: { role: 'assistant', content: null },
        content_filter_results: verdicts,
      },
    ],
    usage,
  };
  // Azure's stream: the prompt's verdicts first (no choices, empty object), then the choice.
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    ...meta,
    object: 'chat.completion.chunk',
    choices,
    ...extra,
  });
  const events = [
    {
      data: {
        id: '',
        created: 0,
        model: '',
        object: '',
        choices: [],
        prompt_filter_results: promptFilter,
      },
    },
    { data: chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]) },
    {
      data: chunk([
        { index: 0, delta: {}, finish_reason: 'content_filter', content_filter_results: verdicts },
      ]),
    },
    { data: chunk([], { usage }) },
  ];
  return {
    kind: 'answer',
    model,
    scenario: { kind: 'normal' },
    stream,
    reply: () =>
      stream
        ? { kind: 'stream', framing: openAiSseFraming, events }
        : { kind: 'json', text: JSON.stringify(completion) },
  };
}
