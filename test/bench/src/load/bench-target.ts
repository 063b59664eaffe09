import type { GcProbe } from '../processes/create-gc-probe.js';

/**
 * The ways a request reaches the fast upstream: directly, through the floor proxy (fastify +
 * undici, nothing else), through Switchyard standalone (master key, no limits), through the
 * distributed gateway with a team key under rate limits (`switchyard-limited`), and through the
 * peer gateway.
 */
export type TargetName = 'direct' | 'floor' | 'switchyard' | 'switchyard-limited' | 'peer';

/** The wire format a target is spoken to in. */
export type TargetApi = 'openai-chat' | 'anthropic-messages' | 'openai-responses';

/** The requests' size: a short question, or a coding agent's turn. */
export type RequestBody = 'short' | 'agent';

/** Where the load generator sends its requests, and how. */
export interface BenchTarget {
  readonly name: TargetName;
  /**
   * e.g. http://127.0.0.1:PORT; requests go to `${origin}/v1/chat/completions`, to
   * `${origin}/v1/messages` for an `anthropic-messages` target, or to `${origin}/v1/responses`
   * for an `openai-responses` one.
   */
  readonly origin: string;
  /**
   * Which API the requests speak: OpenAI chat completions, Anthropic's Messages API, or OpenAI's
   * Responses API.
   */
  readonly api: TargetApi;
  /** Authorization and whatever routing headers the target needs. */
  readonly headers: Readonly<Record<string, string>>;
  /** The model id this target expects in the body. */
  readonly model: string;
  /**
   * What the requests carry: a short question (the default), or a coding agent's ~120 KB turn
   * (`agentRequestBody`), where a gateway's cost per request grows with the body.
   */
  readonly requestBody?: RequestBody;
  /** The gateway's process, for its CPU time and memory; undefined for `direct`. */
  readonly gatewayPid: number | undefined;
  /** The gateway's young-generation collections, when it runs with the gc probe. */
  readonly gcProbe?: GcProbe;
  /** Whether the gateway's `/metrics` has prom-client's event-loop lag (Switchyard's do). */
  readonly eventLoopMetrics?: boolean;
}
