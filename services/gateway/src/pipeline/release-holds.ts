import { parseUsd, toNanoUsd } from '@switchyard/contracts';
import { apiErrors } from '@switchyard/service-kit';
import type { Admission } from '../admission/admit-request.js';
import type { BudgetAdmission } from '../admission/reserve-budget.js';
import type { RoutedCall } from '../routing/call-with-fallback.js';

/** What admission granted a request, until it ends. */
export interface Holds {
  /** Tokens counted against rate limits and credential TPM limits when the request was sent. */
  estimatedTokens: number;
  /** The rate-limit lease: tokens reconciled, concurrency slot freed. */
  admission: Admission;
  /** The budget hold, settled to the request's actual cost. */
  budget: BudgetAdmission;
}

const SHUTTING_DOWN = apiErrors.shuttingDown().code;

/**
 * Hands back what an ended request held: the credential's estimated tokens become the ones used,
 * the lease is reconciled, and the budget hold settles to the recorded cost (estimated ones
 * included: a cut stream costs what the client got). Without a recorded cost a failure cost
 * nothing, and a request cut off (the client left, or the shutdown ended it) keeps its whole hold
 * (the upstream may still bill what it generated).
 */
export function releaseHolds(
  holds: Holds,
  call: RoutedCall | undefined,
  ended: {
    status: number;
    errorCode: string | null;
    usedTokens: number | undefined;
    costUsd: string | undefined;
  },
): void {
  if (call) {
    const { pool } = call.candidate.route.provider;
    pool.settle(call.credential.id, holds.estimatedTokens, ended.usedTokens ?? 0);
  }
  holds.admission.end({ status: ended.status, usedTokens: ended.usedTokens });
  const cutOff = ended.status === 499 || ended.errorCode === SHUTTING_DOWN;
  holds.budget.settle(
    ended.costUsd !== undefined
      ? Number(toNanoUsd(parseUsd(ended.costUsd)))
      : ended.status >= 400 && !cutOff
        ? 0
        : undefined,
  );
}
