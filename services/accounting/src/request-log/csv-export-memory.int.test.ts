import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';

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
  // 100k ledger rows in one statement (generate_series), one a second from 2026-11-01.
  await sql`
    insert into accounting.usage_events (
      request_id, started_at, finished_at, endpoint, requested_model, model, provider,
      upstream_model, stream, status, error_message, prompt_tokens, completion_tokens,
      cached_tokens, reasoning_tokens, usage_source, cost_usd, cost_source, latency_ms,
      attempts, fallback_used, end_user, tags)
    select 'req-mem-' || lpad(n::text, 6, '0'),
      timestamptz '2026-11-01 00:00:00+00' + n * interval '1 second',
      timestamptz '2026-11-01 00:00:00+00' + n * interval '1 second',
      'chat.completions', 'openai/gpt-4o-mini', 'openai/gpt-4o-mini', 'openai', 'gpt-4o-mini',
      false, 200, case when n % 10 = 0 then 'upstream said "no", twice' end, 100, 20, 0, 0,
      'provider', 0.000027, 'catalog', 1250, 1, false, 'user-' || (n % 97),
      jsonb_build_array('team:search', 'batch:' || (n / 5000))
    from generate_series(0, ${ROWS - 1}) as n`.execute(accounting.database.db);
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
        if (records % 20_000 === 0) peak = Math.max(peak, retainedHeap());
      }
    }
    // The header plus one record per row (no cell here holds a line break).
    expect(records).toBe(ROWS + 1);
    expect(first.startsWith(`req-mem-${String(ROWS - 1).padStart(6, '0')},`)).toBe(true);
    expect(last.startsWith('req-mem-000000,')).toBe(true);
    // Built in memory, the export alone would hold `bytes` of text (and 100k row objects many
    // times that); streamed from keyset pages, what stays alive is a page or two.
    expect(bytes).toBeGreaterThan(20_000_000);
    expect(peak - baseline).toBeLessThan(bytes / 2);
  }, 30_000);
});
