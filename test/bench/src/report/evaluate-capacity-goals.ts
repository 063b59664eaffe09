import { RSS_SETTLED_MARGIN_BYTES } from '../open-streams/measure-open-streams.js';
import { checkGoal, type GoalCheck } from './goal-check.js';
import {
  findResult,
  GATEWAY,
  type GoalInputs,
  STANDALONE,
  show,
  toMegabytes,
} from './goal-inputs.js';

/** Open streams the gateway must hold at once, each reaching the upstream. */
export const OPEN_STREAMS_GOAL = 2_000;

/**
 * The goals of scale and start-up: open streams and the memory they cost, resident memory idle
 * and under c16, the standalone's first request and event-loop stalls, the gateway's cold start.
 */
export function evaluateCapacityGoals(inputs: GoalInputs): GoalCheck[] {
  const { startup } = inputs;
  const chatLoop = findResult(inputs.results, STANDALONE, 'chat', 1)?.eventLoopMaxDelayMs;
  // Both start-up windows count: the database migrates while the first request is served.
  const measuredLoop = [
    startup.standaloneFirstRequestEventLoopMaxMs,
    startup.standaloneStartEventLoopMaxMs,
    chatLoop,
  ].filter((value) => value !== undefined);
  return [
    ...openStreamsGoals(inputs),
    checkGoal(
      'gateway RSS idle',
      toMegabytes(startup.idleRssBytes[GATEWAY]),
      { limit: 150, unit: 'MB' },
      `${GATEWAY}, started and probed, before any load`,
    ),
    checkGoal(
      'gateway RSS under c16',
      toMegabytes(peakUnderC16(inputs)),
      { limit: 250, unit: 'MB' },
      `${GATEWAY}, peak during chat and stream c16 (sampled every 100 ms)`,
    ),
    checkGoal(
      'standalone RSS idle',
      toMegabytes(startup.idleRssBytes[STANDALONE]),
      { limit: 250, unit: 'MB' },
      `${STANDALONE}, started, first request served, database migrated`,
    ),
    checkGoal(
      'standalone first request after the banner',
      startup.standaloneFirstRequestMs,
      { limit: 1_000, unit: 'ms' },
      'banner printed → first chat completion answered (fresh data directory)',
    ),
    checkGoal(
      'standalone event-loop stall',
      measuredLoop.length === 0 ? undefined : Math.max(...measuredLoop),
      { limit: 20, unit: 'ms' },
      `nodejs_eventloop_lag_max_seconds: banner → first answer ${show(startup.standaloneFirstRequestEventLoopMaxMs, 1)} ms, → database ready + 1 s ${show(startup.standaloneStartEventLoopMaxMs, 1)} ms, chat c1 ${show(chatLoop, 1)} ms`,
    ),
    checkGoal(
      'gateway cold start',
      startup.gatewayReadyMs,
      { limit: 1_000, unit: 'ms' },
      `process spawned → /readyz 200 (floor listening after ${show(startup.floorListeningMs)} ms)`,
    ),
  ];
}

function openStreamsGoals(inputs: GoalInputs): GoalCheck[] {
  // The goals are the short streams'; agent turns are reported beside them.
  const short = inputs.openStreams.filter((result) => result.body === 'short');
  const gateway = short.find((result) => result.target === GATEWAY);
  const floor = short.find((result) => result.target === 'floor');
  const growth = (result: typeof gateway) =>
    result?.rssPeakBytes === undefined || result.rssBaselineBytes === undefined
      ? undefined
      : result.rssPeakBytes - result.rssBaselineBytes;
  const after =
    gateway?.rssAfterBytes === undefined || gateway.rssBaselineBytes === undefined
      ? undefined
      : gateway.rssAfterBytes - gateway.rssBaselineBytes;
  const reached = checkGoal(
    'open streams reaching the upstream at once',
    gateway?.maxAtUpstream,
    { limit: OPEN_STREAMS_GOAL, unit: 'streams', atLeast: true },
    `${GATEWAY}: ${gateway?.streams ?? 0} opened, ${gateway?.completed ?? 0} completed, all at the upstream after ${show(gateway?.allReachedMs)} ms, first token p99 ${show(gateway?.firstToken?.p99)} ms`,
  );
  return [
    // Every stream must also end complete: one the gateway dropped did not really reach.
    gateway !== undefined && gateway.completed < gateway.streams
      ? { ...reached, met: false }
      : reached,
    checkGoal(
      'RSS growth with the streams open',
      toMegabytes(growth(gateway)),
      { limit: 100, unit: 'MB' },
      `${GATEWAY} peak − before; floor +${show(toMegabytes(growth(floor)), 1)} MB`,
    ),
    checkGoal(
      'RSS back to baseline after',
      toMegabytes(after),
      { limit: toMegabytes(RSS_SETTLED_MARGIN_BYTES), unit: 'MB' },
      `${GATEWAY} after − before, read ${show((gateway?.settledAfterMs ?? 0) / 1000, 1)} s after the streams ended`,
    ),
  ];
}

function peakUnderC16(inputs: GoalInputs): number | undefined {
  const peaks = (['chat', 'stream'] as const)
    .map((kind) => findResult(inputs.results, GATEWAY, kind, 16)?.gatewayPeakRssBytes)
    .filter((value) => value !== undefined);
  return peaks.length === 0 ? undefined : Math.max(...peaks);
}
