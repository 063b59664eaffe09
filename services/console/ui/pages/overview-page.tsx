import type {
  Page,
  TeamJson as Team,
  UsageSummaryJson as UsageSummary,
} from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { formatUsd } from '../../src/shared/format-usd.js';
import { useConsole } from '../app/console-context.js';
import { BarChart } from '../components/bar-chart.js';
import {
  formatChartDollars,
  formatCount,
  formatMs,
  formatShare,
  toQuery,
} from '../components/format.js';
import { LineChart } from '../components/line-chart.js';
import { memberUsageMessage } from '../components/member-usage-message.js';
import { StatCard } from '../components/stat-card.js';
import { Loaded } from '../components/states.js';
import { useApiData } from '../components/use-api-data.js';
import { OwnKeyCard } from './own-key-card.js';

const RANGES = [
  { days: 1, label: 'Today' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
] as const;

const day = (date: Date) => date.toISOString().slice(0, 10);
// Plotting only: the numbers people read are the exact strings.
const dollars = (text: string) => Number(text);

/** Requests, success, tokens, cost and latency for a range, over time and by model/team. */
export function OverviewPage() {
  const { api, session } = useConsole();
  // A preset (the last N UTC days) or, with days = 0, the custom from..to below.
  const [days, setDays] = useState(7);
  const [custom, setCustom] = useState({ from: '', to: '' });
  const presetTo = day(new Date());
  const presetFrom = day(new Date(Date.now() - (days - 1) * 86_400_000));
  const from = days === 0 ? custom.from || presetTo : presetFrom;
  const to = days === 0 ? custom.to || presetTo : presetTo;
  const range = toQuery({ from, to });
  const choose = (field: 'from' | 'to') => (event: Event) => {
    setCustom({ from, to, [field]: (event.currentTarget as HTMLInputElement).value });
    setDays(0);
  };
  const byDay = useApiData(
    () => api.get<UsageSummary>(`admin/usage/summary${range}&group_by=day`),
    `day${range}`,
  );
  const byModel = useApiData(
    () => api.get<UsageSummary>(`admin/usage/summary${range}&group_by=model`),
    `model${range}`,
  );
  const byTeam = useApiData(
    () =>
      session.role === 'admin'
        ? api.get<UsageSummary>(`admin/usage/summary${range}&group_by=team`)
        : Promise.resolve(undefined),
    `team${range}`,
  );
  const teams = useApiData(
    () =>
      session.role === 'admin'
        ? api.get<Page<Team>>('admin/teams?limit=100')
        : Promise.resolve(undefined),
    'teams',
  );
  const teamName = (id: string | null) =>
    teams.data?.data.find((team) => team.id === id)?.name ?? id ?? 'no team (master key)';
  return (
    <section>
      <div class="page-head">
        <h1>Overview</h1>
        <fieldset class="segmented" aria-label="Range">
          {RANGES.map((option) => (
            <button
              type="button"
              key={option.days}
              class={option.days === days ? 'active' : ''}
              aria-pressed={option.days === days}
              onClick={() => setDays(option.days)}
            >
              {option.label}
            </button>
          ))}
        </fieldset>
        <div class="range-custom">
          <label>
            From <input type="date" value={from} max={to} onChange={choose('from')} />
          </label>
          <label>
            To <input type="date" value={to} min={from} onChange={choose('to')} />
          </label>
        </div>
      </div>
      {session.role !== 'admin' && session.sso === null && <OwnKeyCard />}
      <Loaded {...byDay} error={memberUsageMessage(session.role, byDay.error)}>
        {(summary) => (
          <>
            <div class="stats">
              <StatCard label="Requests" value={formatCount(summary.totals.requests)} />
              <StatCard
                label="Success rate"
                value={formatShare(summary.totals.success_rate)}
                detail={`${formatCount(summary.totals.errors)} errors`}
              />
              <StatCard
                label="Tokens"
                value={formatCount(summary.totals.total_tokens)}
                detail={`${formatCount(summary.totals.prompt_tokens)} in · ${formatCount(summary.totals.completion_tokens)} out`}
              />
              <StatCard label="Cost" value={formatUsd(summary.totals.cost_usd)} />
              <StatCard label="Avg latency" value={formatMs(summary.totals.avg_latency_ms)} />
              <StatCard
                label="Avg time to first token"
                value={formatMs(summary.totals.avg_ttft_ms)}
              />
            </div>
            <div class="charts">
              <LineChart
                title="Requests per day"
                points={summary.data.map((row) => ({
                  label: row.group ?? '',
                  value: row.requests,
                }))}
                format={formatCount}
              />
              <LineChart
                title="Cost per day (USD)"
                points={summary.data.map((row) => ({
                  label: row.group ?? '',
                  value: dollars(row.cost_usd),
                }))}
                format={formatChartDollars}
              />
            </div>
          </>
        )}
      </Loaded>
      <div class="charts">
        <Loaded {...byModel} error={session.role === 'member' ? undefined : byModel.error}>
          {(summary) => (
            <BarChart
              title="Requests by model"
              points={summary.data.map((row) => ({
                label: row.group ?? 'unknown',
                value: row.requests,
              }))}
              format={formatCount}
            />
          )}
        </Loaded>
        {session.role === 'admin' && (
          <Loaded {...byTeam}>
            {(summary) =>
              summary && (
                <BarChart
                  title="Cost by team"
                  points={summary.data.map((row) => ({
                    label: teamName(row.group),
                    value: dollars(row.cost_usd),
                  }))}
                  format={formatChartDollars}
                />
              )
            }
          </Loaded>
        )}
      </div>
    </section>
  );
}
