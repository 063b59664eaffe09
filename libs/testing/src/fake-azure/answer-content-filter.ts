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
  const created = Math.floor(Date.now() / 1000);
  const completion = {
    id: randomId('chatcmpl-'),
    object: 'chat.completion',
    created,
    model,
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: SAFE } }],
    choices: [
      {
        index: 0,
        finish_reason: 'content_filter',
        message: { role: 'assistant', content: null },
        content_filter_results: { hate: { filtered: true, severity: 'high' }, violence: SAFE },
      },
    ],
    usage: { prompt_tokens: 5, completion_tokens: 0, total_tokens: 5 },
  };
  return {
    kind: 'answer',
    model,
    scenario: { kind: 'normal' },
    stream: false,
    reply: () => ({ kind: 'json', text: JSON.stringify(completion) }),
  };
}
