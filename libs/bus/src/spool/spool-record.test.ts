import { describe, expect, it } from 'vitest';
import { decodeSpoolRecords, encodeSpoolRecord, type SpoolRecord } from './spool-record.js';

const message: SpoolRecord = {
  kind: 'message',
  message: {
    subject: 'usage.ok',
    data: new TextEncoder().encode('{"request_id":"r1"}'),
    options: { msgId: 'r1', headers: { traceparent: '00-abc-def-01' } },
  },
};
const acknowledged: SpoolRecord = { kind: 'acknowledged', msgId: 'r1' };

describe('spool records', () => {
  it('read back exactly what was written, in order', () => {
    const bytes = Buffer.concat([encodeSpoolRecord(message), encodeSpoolRecord(acknowledged)]);
    const decoded = decodeSpoolRecords(bytes);
    expect(decoded.damaged).toBe(false);
    expect(decoded.validBytes).toBe(bytes.length);
    expect(decoded.records).toEqual([message, acknowledged]);
  });

  it('keeps a message without headers without inventing them', () => {
    const bare: SpoolRecord = {
      kind: 'message',
      message: { subject: 's', data: new Uint8Array([0, 255, 7]), options: { msgId: 'x' } },
    };
    expect(decodeSpoolRecords(encodeSpoolRecord(bare)).records).toEqual([bare]);
  });

  it('stop at a record a crash cut short, keeping the whole ones before it', () => {
    const whole = encodeSpoolRecord(message);
    const torn = encodeSpoolRecord({ ...acknowledged, msgId: 'r2' });
    for (let cut = 1; cut < torn.length; cut += 1) {
      const decoded = decodeSpoolRecords(Buffer.concat([whole, torn.subarray(0, cut)]));
      expect(decoded).toEqual({ records: [message], validBytes: whole.length, damaged: true });
    }
  });

  it('stop at a record whose bytes were damaged, and at garbage', () => {
    const damaged = encodeSpoolRecord(message);
    damaged[damaged.length - 3] = (damaged[damaged.length - 3] ?? 0) ^ 0xff;
    expect(decodeSpoolRecords(damaged)).toMatchObject({ records: [], damaged: true });
    const garbage = Buffer.from('\u0000\u0000\u0000\u0000not a record at all');
    expect(decodeSpoolRecords(garbage)).toMatchObject({ records: [], damaged: true });
    const huge = Buffer.alloc(16, 0xff);
    expect(decodeSpoolRecords(huge)).toMatchObject({ records: [], damaged: true });
  });
});
