import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamKey } from './support/create-team-key.js';
import { formatReconciliation, waitForLedger } from './support/reconcile-ledger.js';
import { describeStatuses, startClientLoad } from './support/run-client-load.js';
import { sleep } from './support/sleep.js';
import { type FaultCluster, startFaultCluster } from './support/start-fault-cluster.js';

// Issue 14, item 2: a gateway killed -9 while NATS is down held its unpublished usage in memory
// only. With a durable spool, every request completed to a client before the kill reaches the
// ledger once the gateway restarts; only the last fsync interval may be lost.
/** The spool's documented fsync interval (docs/operations.md): the loss window of a kill -9. */
const FSYNC_WINDOW_MS = 200;
let cluster: FaultCluster;

beforeAll(async () => {
  cluster = await startFaultCluster();
});

afterAll(async () => {
  await cluster?.close();
});

describe('fault: kill -9 of a gateway during a NATS outage', () => {
  it('every request completed before the kill is in the ledger after the restart', async () => {
    const key = await createTeamKey(cluster);
    const [killed, survivor] = cluster.gateways;
    const load = startClientLoad({
      origins: cluster.gateways.map((gateway) => gateway.origin),
      secret: key.secret,
      maxRequests: 3_000,
      maxDurationMs: 40_000,
      label: 'gwkill',
    });
    await sleep(3_000);
    await cluster.nats.stop();
    await sleep(6_000);
    const killedAt = Date.now();
    await killed.kill();
    await sleep(2_000);
    await cluster.nats.start();
    await killed.start();
    await sleep(3_000);
    const outcomes = await load.stop();
    process.stdout.write(`[fault] gateway kill statuses: ${describeStatuses(outcomes)}\n`);

    const result = await waitForLedger(cluster.database, outcomes);
    process.stdout.write(formatReconciliation('kill -9 of a gateway during a NATS outage', result));
    const lostBeforeWindow = result.missing.filter(
      (outcome) => outcome.finishedAt < killedAt - FSYNC_WINDOW_MS,
    );
    const lostOnSurvivor = result.missing.filter((outcome) => outcome.target === 1);
    process.stdout.write(
      `[fault] missing on the killed gateway: ${result.missing.length - lostOnSurvivor.length} ` +
        `(${lostBeforeWindow.length} completed more than ${FSYNC_WINDOW_MS} ms before the kill), ` +
        `on the survivor: ${lostOnSurvivor.length}\n`,
    );
    expect(survivor.running()).toBe(true);
    expect(result.clientCompleted).toBeGreaterThan(100);
    expect(lostOnSurvivor).toHaveLength(0);
    expect(lostBeforeWindow).toHaveLength(0);
    expect(result.duplicates).toHaveLength(0);
  });
});
