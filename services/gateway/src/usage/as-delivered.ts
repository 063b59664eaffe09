import type { TokenUsage } from '@switchyard/contracts';
import type { Delivery } from './resolve-usage.js';
import type { Responded } from './when-responded.js';

/** The code a ledger row carries when the upstream answered but the client got an error instead. */
export const RESPONSE_FAILED = 'response_failed';

/** The part of a request's result that depends on what reached the client. */
interface DeliverableResult {
  status: number;
  errorCode: string | null;
  errorMessage: string | null;
  usage: TokenUsage | undefined;
  delivery: Delivery;
}

/**
 * An outcome as the client received it. A success whose response then failed to go out (it
 * could not be serialised or sent, and the client got an error status instead) is that error,
 * with nothing delivered and so nothing billed; a success the client left before receiving in
 * full is a 499 that keeps its usage (the upstream did the work). Anything else is unchanged.
 */
export function asDelivered<Result extends DeliverableResult>(
  result: Result,
  responded: Responded,
): Result {
  if (result.status >= 400) return result;
  if (responded.status >= 400) {
    return {
      ...result,
      status: responded.status,
      errorCode: RESPONSE_FAILED,
      errorMessage: 'The upstream answered, but the response could not be sent to the client.',
      usage: undefined,
      delivery: 'none',
    };
  }
  if (!responded.complete) {
    return { ...result, status: 499, errorCode: 'client_closed', errorMessage: null };
  }
  return result;
}
