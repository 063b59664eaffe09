import { describeSettling, SETTLE_ROUND_REQUESTS } from '../scenario/settle-targets.js';
import { SETTLE_RULE } from '../stats/has-settled.js';
import type { BenchReport } from './bench-report.js';
import { formatAdmissionTable } from './format-admission-table.js';
import { formatComparisonTable } from './format-comparison-table.js';
import { formatGoals } from './format-goals.js';
import { formatCount, formatMegabytes } from './format-numbers.js';
import { formatOpenStreamsTable } from './format-open-streams-table.js';
import { formatProcessTable } from './format-process-table.js';
import { formatChatTable, formatStreamTable } from './format-result-tables.js';
import { formatTranslationTable } from './format-translation-table.js';

/** The whole report as text for the terminal. */
export function formatReport(report: BenchReport): string {
  const { machine, settings } = report;
  const measure =
    'requests' in settings.measure
      ? `${settings.measure.requests} requests`
      : `${settings.measure.durationMs / 1000} s`;
  const peer = report.peer.available
    ? `${report.peer.name}@${report.peer.version}`
    : `unavailable (${report.peer.reason})`;
  const sections = [
    `Switchyard bench — ${report.startedAt}`,
    `machine: ${machine.cpus} × ${machine.cpuModel}, ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, ${machine.os}, node ${machine.node}, load ${machine.loadAverage.join(' ')}`,
    `note:    gateway, upstream and load generator are separate processes sharing these ${machine.cpus} cores;`,
    '         at concurrency > 1 they compete for CPU, so req/s there is a whole-machine figure.',
    `priming: ${settings.prime} requests to every target first (half chat, half stream; ${Math.ceil(settings.prime / 2)} more to the targets of each Anthropic kind),`,
    ...formatSettling(report),
    `         ${settings.warmup} warm-up requests and ${measure} measured; streams carry ${settings.streamContentChunks} content chunks`,
    `floor:   fastify + one undici Pool, bytes passed through (test/bench/src/floor/run-floor-proxy.ts)`,
    `peer:    ${peer}`,
    `limited: ${formatLimitedStatus(report)}`,
    `log:     Switchyard at LOG_LEVEL=${settings.switchyardLogLevel}`,
    '',
    ...formatStartup(report),
    '',
    'Non-streamed chat completions — latency: request start → last byte of the body (ms)',
    formatChatTable(report.results),
    '',
    'Streamed chat completions — TTFT: request start → first event with content; total: → end of stream (ms)',
    formatStreamTable(report.results, 'stream'),
    '',
    'Anthropic-translated streams — switchyard: the same OpenAI stream request for fake/claude, which it translates from',
    "the upstream's Anthropic SSE; direct: the upstream's /v1/messages called directly (TTFT → first text_delta); peer: n/a (ms)",
    formatStreamTable(report.results, 'stream-anthropic'),
    '',
    'Anthropic Messages streams — switchyard: an Anthropic /v1/messages stream for fake/claude, ingress and upstream the',
    "same protocol (what Claude Code sends); direct: the upstream's /v1/messages (TTFT → first text_delta) (ms)",
    formatStreamTable(report.results, 'messages-native'),
    '',
    'Added over direct (ms, gateway − direct per percentile) and ratios (sy = switchyard; latency ratio > 1 = slower, req/s ratio < 1 = fewer)',
    formatComparisonTable(report.comparisons),
    '',
    'Translation cost — switchyard stream-anthropic − switchyard stream (OpenAI pass-through), same concurrency (ms;',
    `µs/chunk = +total p50 ÷ ${settings.streamContentChunks} chunks; direct Δ = the upstream's own Anthropic − OpenAI difference, already inside +total)`,
    formatTranslationTable(report.translationCosts),
    '',
    ...formatAdmissionSection(report),
    'Inside the servers — young-generation survival (bytes surviving scavenges ÷ young bytes, GCProfiler in the process),',
    "event-loop max delay (/metrics, Switchyard's), peak RSS during the measurement",
    formatProcessTable(report.results),
    '',
    ...formatOpenStreamsSection(report),
    'Goals (issue 15) — gateway = switchyard-limited (team key under limits, usage published to NATS, LOG_LEVEL as above);',
    'standalone = switchyard; floor and peer measured in this run',
    formatGoals(report.goals),
    '',
    ...formatErrors(report),
    ...formatLogs('switchyard', report.gatewayLogs.switchyard, settings.switchyardLogLevel),
    ...(report.switchyardLimited.available
      ? formatLogs(
          'switchyard-limited',
          report.gatewayLogs.switchyardLimited,
          settings.switchyardLogLevel,
        )
      : []),
    ...(report.peer.available ? formatLogs('peer', report.gatewayLogs.peer, 'default') : []),
  ];
  return sections.join('\n');
}

function formatStartup(report: BenchReport): string[] {
  const { startup } = report;
  const idle = Object.entries(startup.idleRssBytes)
    .map(([target, bytes]) => `${target} ${formatMegabytes(bytes)}`)
    .join(', ');
  return [
    `start-up: standalone banner → first request ${formatCount(startup.standaloneFirstRequestMs)} ms, → database ready (/readyz) ${formatCount(startup.standaloneReadyMs)} ms,`,
    `          event-loop max until the first answer ${formatCount(startup.standaloneFirstRequestEventLoopMaxMs)} ms, from there until ready + 1 s ${formatCount(startup.standaloneStartEventLoopMaxMs)} ms;`,
    `          gateway spawn → /readyz ${formatCount(startup.gatewayReadyMs)} ms; floor spawn → listening ${formatCount(startup.floorListeningMs)} ms`,
    `idle RSS MB: ${idle}`,
  ];
}

function formatOpenStreamsSection(report: BenchReport): string[] {
  if (report.openStreams.length === 0) return [];
  return [
    `Open streams — ${report.settings.openStreams} streams (short) and ${report.settings.openAgentStreams} (agent: a coding agent's ~120 KB turn each) opened at once; the upstream holds each after its first content event until all`,
    'are there (or 30 s), then finishes them; TTFT late = waited for a connection; RSS of the server, after = clients gone, once back within 20 MB or 15 s',
    formatOpenStreamsTable(report.openStreams),
    '',
  ];
}

function formatLimitedStatus(report: BenchReport): string {
  const limited = report.switchyardLimited;
  if (!limited.available) return `unavailable (${limited.reason})`;
  const { rpm, tpm, max_concurrent } = limited.limits;
  return [
    `the gateway process (distributed mode), same YAML, a team key; database ${limited.database} on ${limited.postgres}, Redis ${limited.redis},`,
    `         usage published to NATS ${limited.nats};`,
    `         key, team and bench/gpt limits rpm ${rpm}, tpm ${tpm}, max_concurrent ${max_concurrent} (never refuse; fail closed)`,
  ].join('\n');
}

function formatAdmissionSection(report: BenchReport): string[] {
  if (!report.switchyardLimited.available) return [];
  return [
    'Admission added — switchyard-limited (team key: cached auth lookup, one Redis check, reconcile + release) − switchyard',
    '(master key, no limits), same scenario (ms; latency = whole request or stream; limited/sy req/s < 1 = fewer)',
    formatAdmissionTable(report.admissionCosts),
    '',
  ];
}

function formatSettling(report: BenchReport): string[] {
  const { settleMax } = report.settings;
  if (settleMax === 0) return ['settling: skipped (--settle-max 0); then per target and scenario,'];
  return [
    `settling: then rounds of ${SETTLE_ROUND_REQUESTS} requests to each server (every kind it is measured on) until its CPU per request stops`,
    `         falling (${SETTLE_RULE.patience} rounds in a row no more than ${SETTLE_RULE.minGain * 100} % below the best before them), at most ${settleMax}:`,
    ...report.settling.map(
      (reading) => `           ${reading.target.padEnd(18)} ${describeSettling(reading)}`,
    ),
    '         and after that, per target and scenario,',
  ];
}

function formatErrors(report: BenchReport): string[] {
  const failing = report.results.filter((result) => result.errors > 0);
  const priming = Object.entries(report.primingErrors).filter(([, count]) => count > 0);
  const primingLines = priming.map(([target, count]) => `  priming ${target}: ${count}`);
  const settling = report.settling.filter((reading) => reading.errors > 0);
  const settlingLines = settling.map(
    (reading) => `  settling ${reading.target}: ${reading.errors}`,
  );
  const held = report.openStreams.filter((result) => result.completed < result.streams);
  if (failing.length === 0 && priming.length === 0 && settling.length === 0 && held.length === 0)
    return ['errors:  none'];
  return [
    'errors:',
    ...primingLines,
    ...settlingLines,
    ...failing.flatMap((result) => [
      `  ${result.scenario.kind} c${result.scenario.concurrency} ${result.target}: ${result.errors}`,
      ...Object.entries(result.errorKinds).map(([kind, count]) => `    ${count} × ${kind}`),
    ]),
    ...held.flatMap((result) => [
      `  open streams (${result.body}) ${result.target}: ${result.streams - result.completed} not complete`,
      ...Object.entries(result.errorKinds).map(([kind, count]) => `    ${count} × ${kind}`),
    ]),
  ];
}

function formatLogs(name: string, lines: readonly string[], level: string): string[] {
  if (lines.length === 0) return [`${name} logged no warning or error (log level ${level})`];
  return [
    `${name} logged ${lines.length} warning(s) or error(s) (log level ${level}), first ones:`,
    ...lines.slice(0, 5).map((line) => `  ${line.slice(0, 300)}`),
  ];
}
