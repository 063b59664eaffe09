import { pruneAuditLog, type Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { PruneOptions } from './prune-older-than.js';
import { pruneRequestBodies } from './prune-request-bodies.js';
import { pruneUsageEvents } from './prune-usage-events.js';

/** How long usage data is kept, in days; 0 keeps it forever. */
export interface RetentionDays {
  usageEvents: number;
  requestBodies: number;
  /** Audit rows (`accounting.audit_log`); absent or 0 keeps them. */
  auditLog?: number;
}

/** What one retention run deleted. */
export interface PrunedCounts {
  usageEvents: number;
  requestBodies: number;
  /** Present when the audit log has a retention. */
  auditLog?: number;
}

/**
 * The retention of each table from the configuration: bodies are kept for
 * `requestBodyRetentionDays` (0: as long as their ledger row), never longer than the ledger row
 * itself, since a body is only reachable through it.
 */
export function toRetentionDays(usage: {
  retentionDays: number;
  requestBodyRetentionDays: number;
  /** The audit log's own retention, independent of usage (often longer, for compliance). */
  auditRetentionDays?: number;
}): RetentionDays {
  const ledger = usage.retentionDays;
  const bodies = usage.requestBodyRetentionDays;
  return {
    usageEvents: ledger,
    requestBodies: bodies === 0 || (ledger !== 0 && ledger < bodies) ? ledger : bodies,
    ...(usage.auditRetentionDays !== undefined && { auditLog: usage.auditRetentionDays }),
  };
}

/** One retention run: old request bodies, then old ledger rows, then old audit rows. */
export async function pruneExpiredUsage(
  db: Kysely<Tables>,
  days: RetentionDays,
  options: PruneOptions = {},
): Promise<PrunedCounts> {
  const requestBodies =
    days.requestBodies === 0 ? 0 : await pruneRequestBodies(db, days.requestBodies, options);
  const usageEvents =
    days.usageEvents === 0 ? 0 : await pruneUsageEvents(db, days.usageEvents, options);
  if (days.auditLog === undefined) return { usageEvents, requestBodies };
  const auditLog =
    days.auditLog === 0
      ? 0
      : await pruneAuditLog(db, 'accounting.audit_log', days.auditLog, options);
  return { usageEvents, requestBodies, auditLog };
}
