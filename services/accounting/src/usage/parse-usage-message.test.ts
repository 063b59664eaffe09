import { describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import { parseUsageMessage } from './parse-usage-message.js';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('parseUsageMessage', () => {
  it('reads a single event with the message’s headers', () => {
    const event = makeUsageEvent();
    const headers = { traceparent: 'x' };
    expect(parseUsageMessage(encode(event), headers)).toEqual({
      ok: true,
      batch: false,
      items: [{ ok: true, event, headers }],
    });
  });

  it('refuses bytes that are not JSON, and JSON that is neither an event nor a batch', () => {
    expect(parseUsageMessage(new TextEncoder().encode('{not json'), {})).toMatchObject({
      ok: false,
      reason: 'unparseable',
    });
    expect(parseUsageMessage(encode({ ...makeUsageEvent(), version: 2 }), {})).toMatchObject({
      ok: false,
      reason: 'invalid',
      detail: expect.stringMatching(/^version: /),
    });
    expect(parseUsageMessage(encode({ version: 1, events: [] }), {})).toMatchObject({
      ok: false,
      reason: 'invalid',
      detail: expect.stringMatching(/^events: /),
    });
  });

  it('reads each event of a batch with its own trace context, an invalid one as an item to dead-letter', () => {
    const good = makeUsageEvent();
    const bad = { ...makeUsageEvent(), cost_usd: -1 };
    const parsed = parseUsageMessage(
      encode({ version: 1, events: [good, bad], headers: [{ traceparent: 'a' }] }),
      { ignored: 'yes' },
    );
    expect(parsed).toMatchObject({ ok: true, batch: true });
    if (!parsed.ok) return;
    expect(parsed.items[0]).toEqual({ ok: true, event: good, headers: { traceparent: 'a' } });
    const item = parsed.items[1];
    expect(item).toMatchObject({
      ok: false,
      reason: 'invalid',
      detail: expect.stringMatching(/^events\.1\.cost_usd: /),
      headers: {},
      msgId: bad.request_id,
    });
    if (item?.ok === false) {
      expect(JSON.parse(new TextDecoder().decode(item.data))).toEqual(bad);
    }
  });
});
