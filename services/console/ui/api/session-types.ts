import type { KeyRole, LimitsJson } from '@switchyard/contracts';
import type { BudgetAlertInfo } from '../../src/shared/describe-budget-alerts.js';

/** The console's own `GET /console/api/session`: who is logged in, and the CSRF token. */
export interface SessionInfo {
  role: KeyRole;
  key: { id: string; name: string; prefix: string | null };
  team: { id: string; name: string } | null;
  csrf_token: string;
}

/** The gateway's `GET /v1/key`: the logged-in key as it is enforced right now. */
export interface KeyInfo {
  data: {
    name: string | null;
    prefix: string | null;
    role: KeyRole;
    expires_at: string | null;
    limits: { key: LimitsJson; team: LimitsJson };
    budgets?: Array<{
      limit_source: string;
      period: string;
      limit_usd: string;
      spent_usd: string;
      reserved_usd: string;
      remaining_usd: string;
      resets_at: string | null;
      /** The spend alerts sent for this period (thresholds reached, a projected overspend). */
      alerts?: BudgetAlertInfo[];
    }>;
  };
}
