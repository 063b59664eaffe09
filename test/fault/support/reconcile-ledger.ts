import type { Database } from '@switchyard/db';
import type { ClientOutcome } from './run-client-load.js';

/** The ledger matched against what the clients saw. */
export interface LedgerReconciliation {
  /** Requests whose client got a whole 200 answer. */
  clientCompleted: number;
  /** Ledger rows whose `client_request_id` is one the clients sent. */
  ledgerRows: number;
  /** Completed requests with no ledger row. */
  missing: ClientOutcome[];
  /** Request ids with more than one ledger row. */
  duplicates: string[];
  /** Rows for requests the client did not see complete (errors, refusals, cut by a fault). */
  notCompletedRows: number;
}

async function countRowsById(database: Database): Promise<Map<string, number>> {
  const rows = await database.db
    .selectFrom('accounting.usage_events')
    .select((eb) => ['client_request_id', eb.fn.countAll<string>().as('rows')])
    .where('client_request_id', 'is not', null)
    .groupBy('client_request_id')
    .execute();
  return new Map(rows.map((row) => [row.client_request_id ?? '', Number(row.rows)]));
}

/** Matches every client outcome with the ledger rows carrying its request id. */
export async function reconcileLedger(
  database: Database,
  outcomes: readonly ClientOutcome[],
): Promise<LedgerReconciliation> {
  const rowsById = await countRowsById(database);
  const result: LedgerReconciliation = {
    clientCompleted: 0,
    ledgerRows: 0,
    missing: [],
    duplicates: [],
    notCompletedRows: 0,
  };
  for (const outcome of outcomes) {
    const rows = rowsById.get(outcome.id) ?? 0;
    result.ledgerRows += rows;
    if (rows > 1) result.duplicates.push(outcome.id);
    if (outcome.completed) {
      result.clientCompleted += 1;
      if (rows === 0) result.missing.push(outcome);
    } else if (rows > 0) {
      result.notCompletedRows += 1;
    }
  }
  return result;
}

/**
 * Polls the ledger until every completed request has its row, or the row count has not moved
 * for `quietMs` (what is missing then is lost, not late), or `timeoutMs` passed. The quiet time
 * outlasts accounting's 30 s ack wait and its nak backoff after a 30 s database outage (≤ 32 s).
 */
export async function waitForLedger(
  database: Database,
  outcomes: readonly ClientOutcome[],
  { timeoutMs = 75_000, quietMs = 35_000 }: { timeoutMs?: number; quietMs?: number } = {},
): Promise<LedgerReconciliation> {
  const deadline = Date.now() + timeoutMs;
  let last = await reconcileLedger(database, outcomes);
  let lastChange = Date.now();
  while (last.missing.length > 0 && Date.now() < deadline && Date.now() - lastChange < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const next = await reconcileLedger(database, outcomes);
    if (next.ledgerRows !== last.ledgerRows) lastChange = Date.now();
    last = next;
  }
  return last;
}

/** One line a reader can compare across runs: rows vs completed, missing and duplicates. */
export function formatReconciliation(scenario: string, result: LedgerReconciliation): string {
  const sample = result.missing
    .slice(0, 5)
    .map((outcome) => outcome.id)
    .join(', ');
  return (
    `[fault] ${scenario}: client-completed ${result.clientCompleted}, ledger rows ${result.ledgerRows}` +
    ` (${result.notCompletedRows} for requests not completed), missing ${result.missing.length},` +
    ` duplicates ${result.duplicates.length}${sample === '' ? '' : ` (missing e.g. ${sample})`}\n`
  );
}
