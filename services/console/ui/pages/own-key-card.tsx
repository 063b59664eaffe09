import type { LimitsJson as Limits } from '@switchyard/contracts';
import { describeBudgetAlerts } from '../../src/shared/describe-budget-alerts.js';
import { formatUsd } from '../../src/shared/format-usd.js';
import type { KeyInfo } from '../api/session-types.js';
import { useConsole } from '../app/console-context.js';
import { formatCount, formatTime } from '../components/format.js';
import { Loaded } from '../components/states.js';
import { useApiData } from '../components/use-api-data.js';

const limitsText = (limits: Limits) =>
  `${formatCount(limits.rpm)} requests/min · ${formatCount(limits.tpm)} tokens/min · ${formatCount(limits.max_concurrent)} at once`;

/** The logged-in key as the gateway enforces it: limits, and each budget's spend and reset. */
export function OwnKeyCard() {
  const { api } = useConsole();
  const key = useApiData(() => api.get<KeyInfo>('key'), 'own-key');
  return (
    <Loaded {...key}>
      {({ data }) => (
        <section class="card own-key" data-testid="own-key">
          <h2>Your key: {data.name ?? data.prefix ?? 'this key'}</h2>
          <dl class="detail-group">
            <div class="detail-item">
              <dt>Key limits</dt>
              <dd>{limitsText(data.limits.key)}</dd>
            </div>
            <div class="detail-item">
              <dt>Team limits</dt>
              <dd>{limitsText(data.limits.team)}</dd>
            </div>
            <div class="detail-item">
              <dt>Expires</dt>
              <dd>{data.expires_at === null ? 'never' : formatTime(data.expires_at)}</dd>
            </div>
            {(data.budgets ?? []).map((budget) => (
              <div class="detail-item" key={`${budget.limit_source}-${budget.period}`}>
                <dt>
                  Budget ({budget.limit_source.replace('_', ' ')}, {budget.period})
                </dt>
                <dd>
                  {formatUsd(budget.spent_usd)} spent of {formatUsd(budget.limit_usd)} ·{' '}
                  {formatUsd(budget.remaining_usd)} left
                  {budget.resets_at && ` · resets ${formatTime(budget.resets_at)}`}
                  {describeBudgetAlerts(budget.alerts) && (
                    <span class="budget-alerts" data-testid="budget-alerts">
                      {' · '}
                      {describeBudgetAlerts(budget.alerts)}
                    </span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </Loaded>
  );
}
