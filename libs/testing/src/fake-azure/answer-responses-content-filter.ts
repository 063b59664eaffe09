import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import type { AzureErrorResponse } from './azure-error.js';

const SAFE = { filtered: false, severity: 'safe' };

/**
 * Azure's Responses API refusing a prompt its content filter blocked: 400 `content_filter`, the
 * verdicts per source in `content_filters[].content_filter_results` (not chat's
 * `innererror.content_filter_result`).
 */
export function refuseFilteredResponsesPrompt(): FakeOutcome<AzureErrorResponse> {
  return {
    kind: 'refuse',
    error: {
      status: 400,
      body: {
        error: {
          message:
            "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
          type: 'invalid_request_error',
          param: 'prompt',
          code: 'content_filter',
          content_filters: [
            {
              blocked: true,
              source_type: 'prompt',
              content_filter_results: {
                hate: SAFE,
                jailbreak: { filtered: true, detected: true },
                self_harm: SAFE,
                sexual: SAFE,
                violence: { filtered: true, severity: 'medium' },
              },
            },
          ],
        },
      },
    },
  };
}
