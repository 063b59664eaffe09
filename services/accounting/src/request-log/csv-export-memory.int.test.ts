import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { insertUsageEvents } from '../usage/insert-usage-events.js';
import { toUsageEventRow } from '../usage/to-usage-event-row.js';

const ROWS = 100_000;

// A full collection on demand, so what is measured is what the export keeps alive, not garbage
// that has yet to be collected.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const retainedHeap = () => {
  collect();
  return process.memoryUsage().heapUsed;
};
let accounting: TestAccounting;
let origin: string;

beforeAll(async () => {
  accounting = await startAccountingForTest();
  const start = Date.parse('2026-11-01T00:00:00Z');
  for (let offset = 0; offset < ROWS; offset += 5_000) {
    const batch = Array.from({ length: 5_000 }, (_, index) => {
      const n = offset + index;
      return toUsageEventRow(
        makeUsageEvent({
          request_id: `req-mem-${String(n).padStart(6, '0')}`,
          finished_at: new Date(start + n * 1_000).toISOString(),
          end_user: `user-${n % 97}`,
          tags: ['team:search', `batch:${offset}`],
          error_message: n % 10 === 0 ? 'upstream said "no", twice' : null,
        }),
      );
    });
    await insertUsageEvents(accounting.database.db, batch);
  }
  await accounting.app.listen({ host: '127.0.0.1', port: 0 });
  const address = accounting.app.server.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;
}, 60_000);

afterAll(async () => {
  await accounting?.stop();
});

describe('request log CSV export', () => {
  it('streams 100k ledger rows in bounded memory, each row once, newest first', async () => {
    const response = await fetch(`${origin}/admin/v1/requests?format=csv`, {
      headers: { authorization: `Bearer ${accounting.masterKey}` },
    });
    expect(response.status).toBe(200);
    const body = response.body;
    if (body === null) throw new Error('no body');
    const baseline = retainedHeap();
    let peak = baseline;
    let bytes = 0;
    let records = 0;
    let first = '';
    let last = '';
    let tail = '';
    const decoder = new TextDecoder();
    // Read as a stream consumer would: count records, keep nothing but the line in progress.
    for await (const chunk of body) {
      bytes += chunk.byteLength;
      const text = tail + decoder.decode(chunk, { stream: true });
      const lines = text.split('\r\n');
      tail = lines.pop() ?? '';
      for (const line of lines) {
        records += 1;
        if (records === 2) first = line;
        last = line;
        if (records % 5_000 === 0) peak = Math.max(peak, retainedHeap());
      }
    }
    // The header plus one record per row (no cell here holds a line break).
    expect(records).toBe(ROWS + 1);
    expect(first.startsWith(`req-mem-${String(ROWS - 1).padStart(6, '0')},`)).toBe(true);
    expect(last.startsWith('req-mem-000000,')).toBe(true);
    // Built in memory, the export alone would hold `bytes` of text (and 100k row objects many
    // times that); streamed from keyset pages, what stays alive is a page or two.
    expect(bytes).toBeGreaterThan(25_000_000);
    expect(peak - baseline).toBeLessThan(bytes / 2);
  }, 30_000);
});
