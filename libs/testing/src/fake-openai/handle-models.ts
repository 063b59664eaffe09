import type { ServerResponse } from 'node:http';
import { fixedScenarioNames } from './fake-scenario.js';

const created = 1_700_000_000;
const baseModels = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small'];

/**
 * `GET /v1/models` lists a few ordinary models plus the parameterless scenario names;
 * `GET /v1/models/<id>` describes any id, since every model name is accepted.
 */
export function handleModels(response: ServerResponse, modelId: string | undefined): void {
  const body =
    modelId === undefined
      ? { object: 'list', data: [...baseModels, ...fixedScenarioNames].map(describeModel) }
      : describeModel(modelId);
  const text = JSON.stringify(body);
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function describeModel(id: string): Record<string, unknown> {
  return { id, object: 'model', created, owned_by: 'switchyard-fake' };
}
