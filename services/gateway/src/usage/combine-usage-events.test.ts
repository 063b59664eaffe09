import { USAGE_BATCH_SUBJECT } from '@switchyard/bus';
import { usageBatchV1Schema } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { combineUsageEvents } from './combine-usage-events.js';

const encoder = new TextEncoder();

describe('combineUsageEvents', () => {
  it('carries the events’ JSON as it is, in order, each with its trace context, as usage batch v1', () => {
    const events = [
      { version: 1, request_id: 'req_a', error_message: 'quote " and \u2028 line' },
      { version: 1, request_id: 'req_b' },
      { version: 1, request_id: 'req_c' },
    ];
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const combined = combineUsageEvents(
      events.map((event, index) => ({
        subject: 'usage.v1.2xx',
        data: encoder.encode(JSON.stringify(event)),
        options: { msgId: event.request_id, ...(index === 0 ? { headers: { traceparent } } : {}) },
      })),
    );
    expect(combined.subject).toBe(USAGE_BATCH_SUBJECT);
    const batch = usageBatchV1Schema.parse(JSON.parse(new TextDecoder().decode(combined.data)));
    expect(batch).toEqual({ version: 1, events, headers: [{ traceparent }, {}, {}] });
  });

  it('gives every batch a message id of its own, never an event’s', () => {
    const message = {
      subject: 'usage.v1.2xx',
      data: encoder.encode('{"version":1,"request_id":"req_a"}'),
      options: { msgId: 'req_a' },
    };
    const ids = [
      combineUsageEvents([message, message]),
      combineUsageEvents([message, message]),
    ].map((combined) => combined.options.msgId);
    expect(ids[0]).toMatch(/^batch-[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });
});
