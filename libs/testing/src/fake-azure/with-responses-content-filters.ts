import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import type { AzureErrorResponse } from './azure-error.js';

const SAFE = { filtered: false, severity: 'safe' };

/**
 * A Response as Azure returns it: OpenAI's, plus the content filter's verdicts on the prompt and
 * the answer in a top-level `content_filters` (streams are left as OpenAI's).
 */
export function withResponsesContentFilters(
  outcome: FakeOutcome<AzureErrorResponse>,
): FakeOutcome<AzureErrorResponse> {
  if (outcome.kind === 'refuse') return outcome;
  return {
    ...outcome,
    reply() {
      const reply = outcome.reply();
      if (reply.kind !== 'json') return reply;
      const verdicts = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };
      const content_filters = ['prompt', 'completion'].map((source_type) => ({
        blocked: false,
        source_type,
        content_filter_results: verdicts,
      }));
      return { kind: 'json', text: JSON.stringify({ ...JSON.parse(reply.text), content_filters }) };
    },
  };
}
