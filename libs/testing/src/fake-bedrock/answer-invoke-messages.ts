import { answerMessages } from '../fake-anthropic/answer-messages.js';
import type { FakePromptCache } from '../fake-anthropic/fake-prompt-cache.js';
import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { type BedrockErrorResponse, bedrockValidationError } from './bedrock-error.js';
import { bedrockMessagesFraming } from './bedrock-messages-framing.js';

/** The Messages API version Claude requires on Bedrock, in the body. */
export const BEDROCK_ANTHROPIC_VERSION = 'bedrock-2023-05-31';

/** A beta name as Anthropic spells them (`interleaved-thinking-2025-05-14`). */
const BETA = /^[a-z0-9][a-z0-9-]*$/;

/**
 * `POST /model/{id}/invoke` (`stream` false) or `/invoke-with-response-stream` (true) for a
 * Claude model: Anthropic's Messages body with `anthropic_version: bedrock-2023-05-31`, an
 * optional `anthropic_beta` array, and neither `model` nor `stream` (Bedrock refuses them, as
 * extraneous keys). The rest is read, refused and answered as the fake Anthropic does (its
 * cache_control and thinking shapes, its prompt `cache`), its stream events wrapped in `chunk`
 * frames. A model id containing `anthropic.claude-scenario-<name>` runs that scenario.
 */
export function answerInvokeMessages(stream: boolean, cache: FakePromptCache) {
  return (call: FakeCall): FakeOutcome<BedrockErrorResponse> => {
    const model = call.params[0] ?? '';
    const refuse = (message: string): FakeOutcome<BedrockErrorResponse> => ({
      kind: 'refuse',
      error: bedrockValidationError(message),
    });
    if (!isRecord(call.body))
      return refuse('Malformed input request: #: expected type: JSONObject');
    const { anthropic_version, anthropic_beta, ...body } = call.body;
    if (anthropic_version !== BEDROCK_ANTHROPIC_VERSION) {
      return refuse(
        anthropic_version === undefined
          ? 'Malformed input request: #: required key [anthropic_version] not found'
          : `Invalid API version: ${String(anthropic_version)}`,
      );
    }
    for (const key of ['model', 'stream']) {
      if (key in body)
        return refuse(`Malformed input request: #: extraneous key [${key}] is not permitted`);
    }
    if (
      anthropic_beta !== undefined &&
      !(
        Array.isArray(anthropic_beta) &&
        anthropic_beta.every((beta) => typeof beta === 'string' && BETA.test(beta))
      )
    ) {
      return refuse('Malformed input request: #/anthropic_beta: invalid beta flag');
    }
    const outcome = answerMessages(
      { ...call, body: { ...body, model: scenarioOf(model), stream } },
      cache,
    );
    if (outcome.kind === 'refuse') return refuse(outcome.error.message);
    return {
      ...outcome,
      model,
      reply() {
        const reply = outcome.reply();
        return reply.kind === 'stream' ? { ...reply, framing: bedrockMessagesFraming } : reply;
      },
    };
  };
}

/** The fake Anthropic's scenario a model id names, else the id itself (a normal answer). */
function scenarioOf(model: string): string {
  const named = /anthropic\.claude-scenario-(.+)$/.exec(model);
  return named?.[1] ?? model;
}
