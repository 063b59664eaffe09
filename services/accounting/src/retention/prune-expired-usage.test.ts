import { describe, expect, it } from 'vitest';
import { toRetentionDays } from './prune-expired-usage.js';

describe('toRetentionDays', () => {
  it('keeps bodies for their own, shorter retention', () => {
    expect(toRetentionDays({ retentionDays: 90, requestBodyRetentionDays: 7 })).toEqual({
      usageEvents: 90,
      requestBodies: 7,
    });
    expect(toRetentionDays({ retentionDays: 0, requestBodyRetentionDays: 7 })).toEqual({
      usageEvents: 0,
      requestBodies: 7,
    });
  });

  it('never keeps bodies longer than their ledger row; 0 means as long as the ledger row', () => {
    expect(toRetentionDays({ retentionDays: 30, requestBodyRetentionDays: 60 })).toEqual({
      usageEvents: 30,
      requestBodies: 30,
    });
    expect(toRetentionDays({ retentionDays: 30, requestBodyRetentionDays: 0 })).toEqual({
      usageEvents: 30,
      requestBodies: 30,
    });
    expect(toRetentionDays({ retentionDays: 0, requestBodyRetentionDays: 0 })).toEqual({
      usageEvents: 0,
      requestBodies: 0,
    });
  });
});
