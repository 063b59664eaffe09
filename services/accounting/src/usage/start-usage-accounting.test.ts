import { createMemoryBus } from '@switchyard/bus';
import { createDatabase, migrateToLatest } from '@switchyard/db';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import { startUsageAccounting } from './start-usage-accounting.js';

const encoder = new TextEncoder();

// Standalone mode: the in-process bus and PGlite behind the same consumer.
describe('startUsageAccounting on the in-process bus and PGlite', () => {
  const bus = createMemoryBus();
  const database = createDatabase({ pglite: { dataDir: undefined } });

  beforeAll(async () => {
    await migrateToLatest(database.db, 'accounting');
  }, 120_000);

  afterAll(async () => {
    await bus.close();
    await database.close();
  });

  it('stores events and their logged bodies once, rolls them up and dead-letters poison', async () => {
    const registry = new Registry();
    const consumer = await startUsageAccounting({
      bus,
      db: database.db,
      logger: pino({ level: 'silent' }),
      registry,
      usage: { retentionDays: 90, streamMaxAgeMs: 86_400_000, batchSize: 100, batchWaitMs: 20 },
    });
    await consumer.ready;
    const awkward = 'NULL, "quoted" {braced} back\\slash ✓';
    const events = [
      makeUsageEvent({
        bodies: {
          request: `{"content":${JSON.stringify(awkward)}}`,
          request_truncated: false,
          response: '{"object":"chat.completion"}',
          response_truncated: true,
        },
      }),
      makeUsageEvent({ status: 429, error_code: awkward, error_message: awkward }),
    ];
    for (const event of [...events, events[0]]) {
      await bus.publish('usage.v1.2xx', encoder.encode(JSON.stringify(event)), {
        msgId: `${event?.request_id}-${Math.random()}`, // distinct ids: the ledger dedupes
      });
    }
    await bus.publish('usage.v1.2xx', encoder.encode('garbage'));
    await vi.waitFor(
      async () => {
        const text = await registry.metrics();
        expect(text).toContain('switchyard_usage_events_consumed_total 3');
        expect(text).toContain(
          'switchyard_usage_events_deadlettered_total{reason="unparseable"} 1',
        );
      },
      { timeout: 10_000, interval: 20 },
    );
    await consumer.stop();
    const rows = await database.db
      .selectFrom('accounting.usage_events')
      .select('request_id')
      .execute();
    expect(rows).toHaveLength(2);
    // The request log: the error message in its column, the first event's bodies stored once.
    const failed = await database.db
      .selectFrom('accounting.usage_events')
      .select(['error_message', 'extra'])
      .where('request_id', '=', events[1]?.request_id ?? '')
      .executeTakeFirstOrThrow();
    expect(failed).toEqual({ error_message: awkward, extra: {} });
    const bodies = await database.db.selectFrom('accounting.request_bodies').selectAll().execute();
    expect(bodies).toMatchObject([
      {
        request_id: events[0]?.request_id,
        request_body: `{"content":${JSON.stringify(awkward)}}`,
        response_truncated: true,
      },
    ]);
    const rollups = await database.db.selectFrom('accounting.usage_daily').selectAll().execute();
    expect(rollups).toMatchObject([
      { requests: '2', errors: '1', cost_usd: '0.000054000000000000' },
    ]);
  });
});
