import type { BudgetAlert } from '@switchyard/db';
import { describe, expect, it } from 'vitest';
import { toAlertPayload } from './to-alert-payload.js';

const alert: BudgetAlert = {
  id: '7b0d3c4e-5f60-4a1b-8c2d-3e4f5a6b7c8d',
  scope: 'key',
  owner_id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
  team_id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  period: 'month',
  period_start: new Date(Date.UTC(2031, 2, 1)),
  kind: 'threshold',
  threshold: 80,
  limit_usd: '100.000000000',
  spent_usd: '80.250000000',
  projected_usd: null,
  created_at: new Date(Date.UTC(2031, 2, 20, 12)),
};
const input = { alert, ownerName: 'search-bot', periodEnd: '2031-04-01T00:00:00.000Z' };

describe('toAlertPayload', () => {
  it('writes the JSON event with exact amounts and the period', () => {
    expect(JSON.parse(toAlertPayload(input, 'json'))).toEqual({
      type: 'budget.threshold_crossed',
      id: alert.id,
      created_at: '2031-03-20T12:00:00.000Z',
      budget: {
        scope: 'key',
        id: alert.owner_id,
        name: 'search-bot',
        team_id: alert.team_id,
        period: 'month',
        period_start: '2031-03-01T00:00:00.000Z',
        period_end: '2031-04-01T00:00:00.000Z',
        limit_usd: '100',
      },
      threshold_percent: 80,
      spent_usd: '80.25',
      projected_usd: null,
    });
  });

  it('writes a Slack message, for a threshold and for a projection', () => {
    expect(JSON.parse(toAlertPayload(input, 'slack'))).toEqual({
      text: ':warning: Switchyard: key "search-bot" has spent $80.25, 80% of its $100 per month budget.',
    });
    const projected = {
      ...input,
      alert: { ...alert, kind: 'projected' as const, threshold: 100, projected_usd: '131.5' },
    };
    expect(JSON.parse(toAlertPayload(projected, 'slack')).text).toBe(
      ':chart_with_upwards_trend: Switchyard: key "search-bot" has spent $80.25 and is on course ' +
        "for $131.5 by the period's end, over its $100 per month budget.",
    );
    expect(JSON.parse(toAlertPayload(projected, 'json'))).toMatchObject({
      type: 'budget.overspend_projected',
      projected_usd: '131.5',
    });
  });
});
