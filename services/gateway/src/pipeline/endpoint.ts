import type { ModelKind } from '@switchyard/config';
import type { BuiltRequest, UpstreamTarget } from '@switchyard/providers';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { RoutedCall } from '../routing/call-with-fallback.js';
import type { Candidate, RouteRequest } from '../routing/plan-candidates.js';
import type { RequestOutcome } from '../usage/usage-recorder.js';
import type { Admitted } from './admitted.js';

/** What the pipeline reads of a parsed request, whatever the endpoint's own body. */
export interface ParsedRequest {
  /** The routing fields: `model`, OpenRouter's `models` and `provider` preferences. */
  readonly route: RouteRequest;
  /** The model as the caller named it, for the ledger. */
  readonly requestedModel: string;
  readonly stream: boolean;
  /** What the ingress could not carry; joins the adapter's in `x-switchyard-warnings`. */
  readonly warnings?: readonly string[];
  /** Re-shapes a chat completion as the client receives it, for the request log. */
  readonly present?: (completion: Record<string, unknown>) => unknown;
}

/** A request fitted to its candidates: what admission counts and how each candidate is called. */
export interface Fitted {
  /** The candidates that can take the request, in order. */
  readonly candidates: readonly Candidate[];
  /** Tokens counted against rate limits and credential TPM limits. */
  readonly estimatedTokens: number;
  /** The prompt's tokens, should the provider report no usage (called detached). */
  readonly estimatePromptTokens: () => number;
  /**
   * What the budgets reserve at the given prices (nano-USD per token): a fixed part and up to
   * `maxTokens` at `perTokenNanos`. Asked only of principals with budgets.
   */
  reservation(prices: { promptNanos: number; completionNanos: number }): {
    fixedNanos: number;
    perTokenNanos: number;
    maxTokens: number;
  };
  /** Lowers every candidate's completion cap to what the budgets afford. */
  clamp(maxTokens: number): void;
  /**
   * The upstream request for one candidate: translated, or the caller's own body passed through
   * (called detached).
   */
  readonly build: (candidate: Candidate, target: UpstreamTarget) => BuiltRequest;
  /** The completion cap Switchyard set for `candidate` (`x-switchyard-max-tokens`), if it set one. */
  adjustedMaxTokens(candidate: Candidate): number | undefined;
}

/** Everything an endpoint answers with once an upstream call has answered. */
export interface Answering<Request extends ParsedRequest> {
  request: Request;
  call: RoutedCall;
  /** Settled once, when the answer has reached the client (or failed to). */
  admitted: Admitted;
  reply: FastifyReply;
}

/**
 * One endpoint of the routed-request pipeline (chat, embeddings, messages): what differs between
 * them, while planning, the allowlists, admission, budgets, the call with fallback and settlement
 * are the pipeline's. `fit().build` and `respond` see the candidate that is called and answered,
 * so an endpoint may translate for one provider and pass the caller's own body and the
 * upstream's bytes through for another that speaks its protocol.
 */
export interface Endpoint<Request extends ParsedRequest> {
  /** The endpoint as the ledger names it. */
  readonly name: RequestOutcome['endpoint'];
  /** The kind of model it serves. */
  readonly kind: ModelKind;
  /**
   * Reads and checks the caller's body (400 naming the field); `request` for what an endpoint
   * forwards besides it (a pass-through's protocol headers and raw body); may look up what the
   * caller refers to (`/v1/responses`: its `previous_response_id`, readable by the same key only).
   */
  parse(body: unknown, request: FastifyRequest, principal: Principal): Request | Promise<Request>;
  /** Keeps the planned candidates that can take the request (refusing when none can). */
  fit(request: Request, planned: readonly Candidate[]): Fitted;
  /** Sends the answer of the call that answered; settles `admitted` when it ends. */
  respond(answering: Answering<Request>): Promise<void> | void;
}
