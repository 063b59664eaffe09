import { formatTable } from '../report/format-table.js';
import type { AccountingThroughput } from './measure-accounting-throughput.js';
import type { PublishCost } from './measure-publish-cost.js';
import type { UsageBenchReport, UsageGoalCheck } from './usage-bench-report.js';

const fixed = (value: number | undefined, digits: number) =>
  value === undefined ? '—' : value.toFixed(digits);
const whole = (value: number | undefined) =>
  value === undefined ? '—' : Math.round(value).toLocaleString('en-US');
const percent = (share: number | undefined) =>
  share === undefined ? '—' : `${Math.round(share * 100)}%`;

/** The gateway's publishing cost, one row per outcome and pace. */
export function formatPublishTable(costs: readonly PublishCost[]): string {
  const rows = costs.map((cost) => [
    cost.outcome,
    cost.pace.kind === 'paced' ? `paced ${whole(cost.pace.perSecond)}/s` : 'flat out',
    whole(cost.events),
    whole(cost.meanMessageBytes),
    fixed(cost.buildCpuUsPerEvent, 1),
    fixed(cost.recordCpuUsPerEvent, 1),
    fixed(cost.totalCpuUsPerEvent, 1),
    cost.pace.kind === 'paced' ? fixed(cost.baselineCpuUsPerEvent, 1) : '—',
    fixed(cost.netCpuUsPerEvent, 1),
    whole(cost.publishedPerSecond),
    whole(cost.bodiesDropped + cost.dropped),
  ]);
  return formatTable(
    [
      'outcome',
      'pace',
      'events',
      'msg bytes',
      'event+JSON µs',
      'request path µs',
      'total CPU µs',
      'idle µs',
      'net µs',
      'published/s',
      'dropped',
    ],
    rows,
  );
}

/** Accounting's throughput, one row per run. */
export function formatAccountingTable(runs: readonly AccountingThroughput[]): string {
  const rows = runs.map((run) => [
    whole(run.batchSize),
    whole(run.loops),
    percent(run.bodyShare),
    whole(run.events),
    whole(run.eventsPerSecond),
    whole(run.steadyEventsPerSecond),
    fixed(run.wallMs / 1_000, 2),
    fixed(run.cpuUsPerEvent.accounting, 1),
    fixed(run.cpuUsPerEvent.postgres, 1),
    fixed(run.cpuUsPerEvent.natsServer, 1),
    percent(run.machineCpu?.busy),
    percent(run.machineCpu?.ioWait),
    run.stored.ledgerRows === run.events && run.stored.rollupRequests === run.events
      ? 'ok'
      : `MISMATCH ${run.stored.ledgerRows}/${run.stored.rollupRequests}`,
  ]);
  return formatTable(
    [
      'batch',
      'loops',
      'bodies',
      'events',
      'events/s',
      'steady/s',
      'wall s',
      'acct µs/ev',
      'pg µs/ev',
      'nats µs/ev',
      'machine busy',
      'iowait',
      'rows',
    ],
    rows,
    0,
  );
}

/** Issue #5's goals beside the run. */
export function formatUsageGoals(goals: readonly UsageGoalCheck[]): string {
  const rows = goals.map((goal) => [
    goal.goal,
    goal.met === undefined ? 'not measured' : goal.met ? 'met' : 'MISSED',
    goal.measured === undefined
      ? '—'
      : goal.measured >= 100
        ? whole(goal.measured)
        : fixed(goal.measured, 1),
    `${goal.unit} ${whole(goal.limit)}`,
  ]);
  return formatTable(['goal', 'status', 'measured', 'limit'], rows, 2);
}

/** The whole report as printed to stdout. */
export function formatUsageReport(report: UsageBenchReport): string {
  const { machine } = report;
  const sections = [
    `machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.os}, node ${machine.node}; ` +
      `load average ${machine.loadAverage.join(' / ')} at start, ${report.loadAverageAtEnd.join(' / ')} at end`,
  ];
  if (report.publishing.length > 0)
    sections.push(
      'Gateway: publishing usage (CPU per event, µs; the process is the gateway)',
      formatPublishTable(report.publishing),
    );
  if (report.accounting.length > 0)
    sections.push(
      'Accounting: a backlog of usage events into Postgres',
      formatAccountingTable(report.accounting),
    );
  sections.push('Goals (issue #5)', formatUsageGoals(report.goals));
  return sections.join('\n\n');
}
