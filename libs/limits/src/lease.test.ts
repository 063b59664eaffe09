import { describe, expect, it } from 'vitest';
import { createLease, leaseRecord, newLeaseRecord } from './lease.js';

describe('createLease', () => {
  it('issues a frozen lease whose record leaseRecord returns', () => {
    const record = newLeaseRecord({ partition: 'p', leaseId: 'r1', tokens: 10 }, [], false);
    const lease = createLease(record);
    expect(lease).toEqual({ id: 'r1', partition: 'p', degraded: false });
    expect(Object.isFrozen(lease)).toBe(true);
    expect(leaseRecord(lease)).toBe(record);
  });

  it('refuses a lookalike the limiter did not issue', () => {
    const lease = createLease(
      newLeaseRecord({ partition: 'p', leaseId: 'r1', tokens: 1 }, [], true),
    );
    expect(() => leaseRecord({ ...lease })).toThrow(TypeError);
  });
});
