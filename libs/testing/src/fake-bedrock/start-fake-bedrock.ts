import {
  type FakeUpstream,
  type FakeUpstreamOptions,
  startFakeUpstream,
} from '../fake-upstream/start-fake-upstream.js';
import type { FakeBedrockControlPlane } from './answer-bedrock-model-lists.js';
import { createBedrockDialect } from './create-bedrock-dialect.js';
import type { FakeAwsCredential } from './fake-aws-credential.js';

/** Options of {@link startFakeBedrock}. */
export interface FakeBedrockOptions extends FakeUpstreamOptions {
  /** The keys whose signatures the fake accepts (at least one: it always verifies). */
  readonly credentials: readonly FakeAwsCredential[];
  /** The region signatures must be scoped to; default `us-east-1`. */
  readonly region?: string;
  /** The fake's clock for the 5-minute skew check; default `Date.now`. */
  readonly now?: () => number;
  /** What `ListFoundationModels` and `ListInferenceProfiles` answer; default a few us-east-1 models. */
  readonly controlPlane?: FakeBedrockControlPlane;
}

/** A running fake Bedrock runtime; `url` is its origin (`{url}/model/{id}/converse`). */
export type FakeBedrock = FakeUpstream;

/**
 * Starts an HTTP server speaking the Bedrock runtime's Converse wire format (JSON, AWS
 * event-stream frames, REST-JSON errors) and its control plane's model lists, verifying every
 * request's SigV4 signature, with deterministic answers and failure scenarios chosen by the
 * model id.
 */
export function startFakeBedrock(options: FakeBedrockOptions): Promise<FakeBedrock> {
  return startFakeUpstream(
    createBedrockDialect(
      {
        credentials: options.credentials,
        region: options.region ?? 'us-east-1',
        service: 'bedrock',
        now: options.now ?? Date.now,
      },
      options.controlPlane,
    ),
    options,
  );
}
