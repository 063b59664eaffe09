import { describe, expect, it } from 'vitest';
import type { TargetName } from '../load/bench-target.js';
import type { OpenStreamsResult } from '../open-streams/open-streams-result.js';
import type { ScenarioKind } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import type { StartupReadings } from '../startup/startup-readings.js';
import type { AdmissionCost } from '../stats/compare-admission.js';
import type { LatencySummary } from '../stats/summarize-latencies.js';
import { evaluateGoals } from './evaluate-goals.js';
import type { GoalInputs } from './goal-inputs.js';

const MB = 2 ** 20;

const summary = (p50: number, p99: number): LatencySummary => ({
  count: 100,
  min: p50,
  mean: p50,
  p50,
  p90: p99,
  p99,
  max: p99,
});

function result(
  target: TargetName,
  kind: ScenarioKind,
  concurrency: number,
  numbers: {
    latency?: [number, number];
    firstToken?: [number, number];
    throughput?: number;
    cpu?: number;
    peakRssMb?: number;
    survival?: number;
    eventLoopMs?: number;
  },
): ScenarioResult {
  return {
    target,
    scenario: { kind, concurrency },
    requests: 100,
    errors: 0,
    errorKinds: {},
    elapsedMs: 1000,
    throughput: numbers.throughput ?? 1000,
    latency: summary(...(numbers.latency ?? [1, 2])),
    firstToken: numbers.firstToken && summary(...numbers.firstToken),
    cpuPerRequestUs: { gateway: numbers.cpu, upstream: 50, loadGenerator: 80 },
    gatewayRssBytes: undefined,
    gatewayPeakRssBytes: numbers.peakRssMb === undefined ? undefined : numbers.peakRssMb * MB,
    youngGenerationSurvival:
      numbers.survival === undefined
        ? undefined
        : {
            collections: 40,
            youngBytes: 1e9,
            survivedBytes: 1e7 * numbers.survival,
            percent: numbers.survival,
          },
    eventLoopMaxDelayMs: numbers.eventLoopMs,
    gatewayCallsPerRequest: undefined,
  };
}

const RESULTS: ScenarioResult[] = [
  result('direct', 'chat', 1, { latency: [0.2, 0.5] }),
  result('floor', 'chat', 1, { latency: [0.4, 1] }),
  result('switchyard', 'chat', 1, { latency: [0.6, 2], eventLoopMs: 31 }),
  result('switchyard-limited', 'chat', 1, { latency: [0.45, 3] }),
  result('direct', 'stream', 1, { firstToken: [0.3, 0.5] }),
  result('floor', 'stream', 1, { firstToken: [0.6, 1.5] }),
  result('switchyard-limited', 'stream', 1, { firstToken: [0.8, 2] }),
  result('floor', 'chat', 16, { cpu: 200, throughput: 5000 }),
  result('switchyard', 'chat', 16, { cpu: 380 }),
  result('switchyard-limited', 'chat', 16, { cpu: 240, throughput: 3000, peakRssMb: 180 }),
  result('peer', 'chat', 16, { throughput: 1000 }),
  result('floor', 'stream', 16, { cpu: 200, survival: 0.3 }),
  result('switchyard', 'stream', 16, { cpu: 420 }),
  result('switchyard-limited', 'stream', 16, {
    cpu: 400,
    throughput: 2000,
    peakRssMb: 260,
    survival: 1.5,
  }),
  result('peer', 'stream', 16, { throughput: 1000 }),
];

const ADMISSION: AdmissionCost[] = [
  {
    scenario: { kind: 'chat', concurrency: 1 },
    addedLatency: { p50: 0.12, p99: 0.4 },
    addedFirstToken: undefined,
    throughputRatio: 0.9,
    gatewayCpuUs: { switchyard: 300, limited: 380 },
  },
];

const OPEN_STREAMS: OpenStreamsResult = {
  target: 'switchyard-limited',
  body: 'short',
  streams: 2000,
  maxAtUpstream: 2000,
  allReachedMs: 900,
  firstToken: summary(5, 40),
  completed: 1990,
  errorKinds: { ECONNRESET: 10 },
  rssBaselineBytes: 200 * MB,
  rssPeakBytes: 280 * MB,
  rssAfterBytes: 230 * MB,
  settledAfterMs: 15_000,
};

const STARTUP: StartupReadings = {
  standaloneFirstRequestMs: 14_900,
  standaloneReadyMs: 15_000,
  standaloneFirstRequestEventLoopMaxMs: 30,
  standaloneStartEventLoopMaxMs: 12,
  gatewayReadyMs: 800,
  floorListeningMs: 400,
  idleRssBytes: { 'switchyard-limited': 140 * MB, switchyard: 600 * MB },
};

const INPUTS: GoalInputs = {
  results: RESULTS,
  admissionCosts: ADMISSION,
  openStreams: [OPEN_STREAMS],
  startup: STARTUP,
};

const statusOf = (inputs: GoalInputs) =>
  Object.fromEntries(evaluateGoals(inputs).map((goal) => [goal.goal, [goal.met, goal.measured]]));

describe('evaluateGoals', () => {
  it("checks CPU per request at c16 against the floor's, the gateway's and the standalone's factors", () => {
    const goals = evaluateGoals(INPUTS);
    expect(goals.find((goal) => goal.goal === 'gateway CPU per request, chat c16')).toEqual({
      goal: 'gateway CPU per request, chat c16',
      measured: 240,
      limit: 260,
      unit: 'µs',
      atLeast: false,
      basis: "switchyard-limited; ≤ 1.3 × floor's 200 µs",
      met: true,
    });
    const status = statusOf(INPUTS);
    expect(status['gateway CPU per request, stream c16']).toEqual([false, 400]);
    expect(status['standalone CPU per request, chat c16']).toEqual([true, 380]);
    expect(status['standalone CPU per request, stream c16']).toEqual([false, 420]);
  });

  it("checks throughput against the peer's (inclusive), and leaves it unmeasured without a peer", () => {
    expect(statusOf(INPUTS)["gateway throughput ÷ peer's, chat c16"]).toEqual([true, 3]);
    expect(statusOf(INPUTS)["gateway throughput ÷ peer's, stream c16"]).toEqual([false, 2]);
    const withoutPeer = { ...INPUTS, results: RESULTS.filter((r) => r.target !== 'peer') };
    expect(statusOf(withoutPeer)["gateway throughput ÷ peer's, chat c16"]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it("checks added latency at c1 over direct, against the floor's added latency or 2 ms", () => {
    const goals = evaluateGoals(INPUTS);
    const p50 = goals.find((goal) => goal.goal === 'gateway added p50, chat c1');
    expect(p50?.measured).toBeCloseTo(0.25);
    expect(p50?.limit).toBeCloseTo(0.26);
    expect(p50?.met).toBe(true);
    const p99 = goals.find((goal) => goal.goal === 'gateway added p99, chat c1');
    expect([p99?.measured, p99?.limit, p99?.met]).toEqual([2.5, 2, false]);
    const ttft = goals.find((goal) => goal.goal === 'gateway added TTFT p99, stream c1');
    expect([ttft?.measured, ttft?.limit, ttft?.met]).toEqual([1.5, 1.5, true]);
  });

  it("checks the native Messages stream's added TTFT against the OpenAI pass-through's", () => {
    const messages = (switchyardTtft: number) =>
      evaluateGoals({
        ...INPUTS,
        results: [
          result('direct', 'stream', 1, { firstToken: [0.3, 0.5] }),
          result('switchyard', 'stream', 1, { firstToken: [0.9, 2] }),
          result('direct', 'messages-native', 1, { firstToken: [0.2, 0.4] }),
          result('switchyard', 'messages-native', 1, { firstToken: [switchyardTtft, 2] }),
        ],
      }).find((goal) => goal.goal.startsWith('messages-native added TTFT'));
    // +0.6 ms over direct for OpenAI; +0.75 and +0.95 ms for Messages.
    expect(messages(0.95)?.measured).toBeCloseTo(0.15);
    expect(messages(0.95)?.met).toBe(true);
    expect(messages(1.15)?.met).toBe(false);
  });

  it('checks survival on the stream path and admission', () => {
    const status = statusOf(INPUTS);
    expect(status['gateway young-generation survival, stream c16']).toEqual([true, 1.5]);
    expect(status['admission added p50, chat c1']).toEqual([true, 0.12]);
  });

  it('misses the open-streams goal when a stream did not end complete, and checks its memory', () => {
    const status = statusOf(INPUTS);
    expect(status['open streams reaching the upstream at once']).toEqual([false, 2000]);
    expect(status['RSS growth with the streams open']).toEqual([true, 80]);
    expect(status['RSS back to baseline after']).toEqual([false, 30]);
    const allComplete = { ...INPUTS, openStreams: [{ ...OPEN_STREAMS, completed: 2000 }] };
    expect(statusOf(allComplete)['open streams reaching the upstream at once']).toEqual([
      true,
      2000,
    ]);
  });

  it('judges the open-streams goals by the short streams, not the agent turns reported beside them', () => {
    const agent: OpenStreamsResult = {
      ...OPEN_STREAMS,
      body: 'agent',
      streams: 200,
      completed: 200,
      rssPeakBytes:
        OPEN_STREAMS.rssBaselineBytes === undefined
          ? undefined
          : OPEN_STREAMS.rssBaselineBytes + 900e6,
    };
    const status = statusOf({ ...INPUTS, openStreams: [agent, OPEN_STREAMS] });
    expect(status['open streams reaching the upstream at once']).toEqual([false, 2000]);
    expect(status['RSS growth with the streams open']).toEqual([true, 80]);
  });

  it('checks memory, the standalone start and the cold start', () => {
    const status = statusOf(INPUTS);
    expect(status['gateway RSS idle']).toEqual([true, 140]);
    expect(status['gateway RSS under c16']).toEqual([false, 260]);
    expect(status['standalone RSS idle']).toEqual([false, 600]);
    expect(status['standalone first request after the banner']).toEqual([false, 14_900]);
    // The longest of the start-up's two windows (30 and 12 ms) and chat c1 (31 ms).
    expect(status['standalone event-loop stall']).toEqual([false, 31]);
    expect(status['gateway cold start']).toEqual([true, 800]);
  });

  it('counts the stall before the first answer: the database migrates meanwhile', () => {
    const startup = {
      ...INPUTS.startup,
      standaloneFirstRequestEventLoopMaxMs: 26,
      standaloneStartEventLoopMaxMs: 12,
    };
    const calm = INPUTS.results.map((result) =>
      result.target === 'switchyard' ? { ...result, eventLoopMaxDelayMs: 15 } : result,
    );
    expect(statusOf({ ...INPUTS, startup, results: calm })['standalone event-loop stall']).toEqual([
      false,
      26,
    ]);
    const quiet = { ...startup, standaloneFirstRequestEventLoopMaxMs: 18 };
    expect(
      statusOf({ ...INPUTS, startup: quiet, results: calm })['standalone event-loop stall'],
    ).toEqual([true, 18]);
  });

  it('reports every goal not measured when nothing was', () => {
    const goals = evaluateGoals({
      results: [],
      admissionCosts: [],
      openStreams: [],
      startup: {
        standaloneFirstRequestMs: undefined,
        standaloneReadyMs: undefined,
        standaloneFirstRequestEventLoopMaxMs: undefined,
        standaloneStartEventLoopMaxMs: undefined,
        gatewayReadyMs: undefined,
        floorListeningMs: undefined,
        idleRssBytes: {},
      },
    });
    expect(goals).toHaveLength(21);
    expect(goals.every((goal) => goal.met === undefined)).toBe(true);
  });
});
