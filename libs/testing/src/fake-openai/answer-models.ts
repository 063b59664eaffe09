import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import type { OpenAiErrorResponse } from './openai-error.js';
import { fixedScenarioNames } from './openai-scenario.js';

const created = 1_700_000_000;
const baseModels = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small'];

/**
 * `GET /v1/models` lists a few ordinary models plus the parameterless scenario names;
 * `GET /v1/models/<id>` describes any id, since every model name is accepted.
 */
export function answerModels(call: FakeCall): FakeOutcome<OpenAiErrorResponse> {
  const [modelId] = call.params;
  const body =
    modelId === undefined
      ? { object: 'list', data: [...baseModels, ...fixedScenarioNames].map(describeModel) }
      : describeModel(modelId);
  return {
    kind: 'answer',
    model: modelId ?? '',
    scenario: { kind: 'normal' },
    stream: false,
    reply: () => ({ kind: 'json', text: JSON.stringify(body) }),
  };
}

function describeModel(id: string): Record<string, unknown> {
  return { id, object: 'model', created, owned_by: 'switchyard-fake' };
}
