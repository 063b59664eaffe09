import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { PruneOptions } from './prune-older-than.js';
import { pruneRequestBodies } from './prune-request-bodies.js';
import { pruneUsageEvents } from './prune-usage-events.js';

/** How long usage data is kept, in days; 0 keeps it forever. */
export interface RetentionDays {
  usageEvents: number;
  requestBodies: number;
}

/** What one retention run deleted. */
export interface PrunedCounts {
  usageEvents: number;
  requestBodies: number;
}

/**
 * The retention of each table from the configuration: bodies are kept for
 * `requestBodyRetentionDays` (0: as long as their ledger row), never longer than the ledger row
 * itself, since a body is only reachable through it.
 */
export function toRetentionDays(usage: {
  retentionDays: number;
  requestBodyRetentionDays: number;
}): RetentionDays {
  const ledger = usage.retentionDays;
  const bodies = usage.requestBodyRetentionDays;
  return {
    usageEvents: ledger,
    requestBodies: bodies === 0 || (ledger !== 0 && ledger < bodies) ? ledger : bodies,
  };
}

/** One retention run: old request bodies, then old ledger rows. */
export async function pruneExpiredUsage(
  db: Kysely<Tables>,
  days: RetentionDays,
  options: PruneOptions = {},
): Promise<PrunedCounts> {
  const requestBodies =
    days.requestBodies === 0 ? 0 : await pruneRequestBodies(db, days.requestBodies, options);
  const usageEvents =
    days.usageEvents === 0 ? 0 : await pruneUsageEvents(db, days.usageEvents, options);
  return { usageEvents, requestBodies };
}
