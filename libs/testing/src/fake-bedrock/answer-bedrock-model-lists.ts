import type { FakeCall, FakeRoute } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { type BedrockErrorResponse, bedrockValidationError } from './bedrock-error.js';
import { foundationModel, inferenceProfile } from './bedrock-model-summaries.js';

/** What the fake control plane lists, in Bedrock's wire shapes (`FoundationModelSummary`, `InferenceProfileSummary`). */
export interface FakeBedrockControlPlane {
  readonly foundationModels: readonly Record<string, unknown>[];
  readonly inferenceProfiles: readonly Record<string, unknown>[];
}

/** A few summaries as `ListFoundationModels` / `ListInferenceProfiles` in us-east-1 return them. */
export const DEFAULT_BEDROCK_CONTROL_PLANE: FakeBedrockControlPlane = {
  foundationModels: [
    foundationModel('anthropic.claude-3-5-sonnet-20241022-v2:0', ['TEXT'], ['ON_DEMAND']),
    foundationModel('anthropic.claude-sonnet-4-20250514-v1:0', ['TEXT'], ['INFERENCE_PROFILE']),
    foundationModel('amazon.titan-embed-text-v2:0', ['EMBEDDING'], ['ON_DEMAND']),
    foundationModel('stability.sd3-large-v1:0', ['IMAGE'], ['ON_DEMAND']),
  ],
  inferenceProfiles: [
    inferenceProfile('us.anthropic.claude-3-5-sonnet-20241022-v2:0'),
    inferenceProfile('us.anthropic.claude-sonnet-4-20250514-v1:0'),
  ],
};

/**
 * Bedrock's control plane on the fake (same host, signing name `bedrock`, as a proxy in front of
 * both planes): `GET /foundation-models` (one page, `byOutputModality` honoured) and
 * `GET /inference-profiles` paged by `maxResults` (1..1000, else a `ValidationException`) and
 * an opaque `nextToken`.
 */
export function bedrockControlPlaneRoutes(
  plane: () => FakeBedrockControlPlane,
): FakeRoute<BedrockErrorResponse>[] {
  return [
    {
      method: 'GET',
      path: /^\/foundation-models$/,
      json: false,
      answer: (call) => {
        const modality = call.request.url.searchParams.get('byOutputModality');
        const models = plane().foundationModels.filter(
          (model) =>
            modality === null ||
            (Array.isArray(model.outputModalities) && model.outputModalities.includes(modality)),
        );
        return json({ modelSummaries: models });
      },
    },
    { method: 'GET', path: /^\/inference-profiles$/, json: false, answer: answerProfiles(plane) },
  ];
}

function answerProfiles(
  plane: () => FakeBedrockControlPlane,
): (call: FakeCall) => FakeOutcome<BedrockErrorResponse> {
  return (call) => {
    const query = call.request.url.searchParams;
    const maxResults = Number(query.get('maxResults') ?? '1000');
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
      return {
        kind: 'refuse',
        error: bedrockValidationError(
          "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
        ),
      };
    }
    const token = query.get('nextToken');
    const start = token === null ? 0 : Number(Buffer.from(token, 'base64').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) {
      return { kind: 'refuse', error: bedrockValidationError('Invalid pagination token.') };
    }
    const profiles = plane().inferenceProfiles;
    const end = start + maxResults;
    return json({
      inferenceProfileSummaries: profiles.slice(start, end),
      ...(end < profiles.length && { nextToken: Buffer.from(String(end)).toString('base64') }),
    });
  };
}

function json(body: unknown): FakeOutcome<BedrockErrorResponse> {
  return {
    kind: 'answer',
    model: '',
    scenario: { kind: 'normal' },
    stream: false,
    reply: () => ({ kind: 'json', text: JSON.stringify(body) }),
  };
}
