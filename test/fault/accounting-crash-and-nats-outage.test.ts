import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamKey } from './support/create-team-key.js';
import { formatReconciliation, waitForLedger } from './support/reconcile-ledger.js';
import { describeStatuses, startClientLoad } from './support/run-client-load.js';
import { sleep } from './support/sleep.js';
import { type FaultCluster, startFaultCluster } from './support/start-fault-cluster.js';

// The harness's self-check, a fault the pipeline already survives: accounting killed -9 under
// load and restarted, then NATS down for 10 s with both gateways alive. Nothing may be lost.
let cluster: FaultCluster;

beforeAll(async () => {
  cluster = await startFaultCluster();
});

afterAll(async () => {
  await cluster?.close();
});

describe('fault: accounting crash and a NATS outage with the gateways alive', () => {
  it('every request completed to a client is exactly one ledger row', async () => {
    const key = await createTeamKey(cluster);
    const load = startClientLoad({
      origins: cluster.gateways.map((gateway) => gateway.origin),
      secret: key.secret,
      maxRequests: 3_000,
      maxDurationMs: 45_000,
      label: 'selfcheck',
    });
    await sleep(3_000);
    await cluster.accounting.kill();
    await sleep(3_000);
    await cluster.accounting.start();
    await sleep(2_000);
    await cluster.nats.stop();
    await sleep(10_000);
    await cluster.nats.start();
    await sleep(3_000);
    const outcomes = await load.stop();
    process.stdout.write(`[fault] self-check statuses: ${describeStatuses(outcomes)}\n`);

    const result = await waitForLedger(cluster.database, outcomes);
    process.stdout.write(formatReconciliation('accounting kill -9 + 10 s NATS outage', result));
    expect(result.clientCompleted).toBeGreaterThan(100);
    expect(result.missing).toHaveLength(0);
    expect(result.duplicates).toHaveLength(0);
  });
});
