import type { KeyRole, LimitsJson } from '@switchyard/contracts';
import type { BudgetAlertInfo } from '../../src/shared/describe-budget-alerts.js';

/** The console's own `GET /console/api/session`: who is logged in, and the CSRF token. */
export interface SessionInfo {
  role: KeyRole;
  key: { id: string; name: string; prefix: string | null };
  team: { id: string; name: string } | null;
  /** Set when the person signed in through SSO (then `key` names the person, not a key). */
  sso: { subject: string } | null;
  csrf_token: string;
}

/** `DELETE /console/api/session`: where to go next to end an SSO session at the provider too. */
export interface LogoutInfo {
  deleted: true;
  logout_url: string | null;
}

/** `GET /console/api/auth`: which ways to log in the console offers. */
export interface AuthOptions {
  sso: { login_url: string } | null;
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
