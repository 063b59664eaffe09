import type { TokenUsage } from '@switchyard/contracts';
import type { Answer } from '../usage/answer.js';
import type { Delivery } from '../usage/resolve-usage.js';

/** How a request ended, as its endpoint saw it. */
export interface OutcomeResult {
  status: number;
  errorCode: string | null;
  /** The message of the error the client got. */
  errorMessage: string | null;
  /** Usage as the provider reported it. */
  usage: TokenUsage | undefined;
  delivery: Delivery;
  /** What reached the client: its tokens are estimated when the provider reported none; logged. */
  answer?: Answer | undefined;
  timeToFirstTokenMs?: number | undefined;
}

/**
 * A request let through its rate limits and budgets and answered by an upstream: what it holds
 * (rate-limit lease, budget hold, credential tokens) is released, and its outcome recorded, by
 * one `settle` when the answer ends.
 */
export interface Admitted {
  readonly startedAt: number;
  /** The key logs bodies: the answer is kept for the request log. */
  readonly logsBodies: boolean;
  /** The exact cost of usage: what the upstream reported charging, else the serving route's price. */
  cost(usage: TokenUsage): string | undefined;
  /**
   * Ends the request: recorded once the client has it (a result reported before the response
   * went out is recorded as the client received it). Only the first call counts.
   */
  settle(result: OutcomeResult): void;
}
