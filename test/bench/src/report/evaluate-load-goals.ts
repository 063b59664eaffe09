import type { TargetName } from '../load/bench-target.js';
import type { ScenarioKind } from '../scenario/scenario.js';
import { checkGoal, type GoalCheck } from './goal-check.js';
import { findResult, GATEWAY, type GoalInputs, STANDALONE, show } from './goal-inputs.js';

/**
 * The goals under load: CPU per request against the floor's and throughput against the peer's
 * at c16; added latency at c1 against the floor's; young-generation survival on the stream
 * path; what admission adds.
 */
export function evaluateLoadGoals(inputs: GoalInputs): GoalCheck[] {
  return [
    cpuGoal(inputs, GATEWAY, 'chat', 1.3),
    cpuGoal(inputs, GATEWAY, 'stream', 1.5),
    cpuGoal(inputs, STANDALONE, 'chat', 2),
    cpuGoal(inputs, STANDALONE, 'stream', 2),
    throughputGoal(inputs, 'chat'),
    throughputGoal(inputs, 'stream'),
    addedGoal(inputs, 'chat', 'p50', { floorFactor: 1.3 }),
    addedGoal(inputs, 'chat', 'p99', { ms: 2 }),
    addedGoal(inputs, 'stream', 'p99', { floorFactor: 1.5 }),
    messagesNativeGoal(inputs),
    survivalGoal(inputs),
    admissionGoal(inputs),
  ];
}

function cpuGoal(
  inputs: GoalInputs,
  target: TargetName,
  kind: ScenarioKind,
  factor: number,
): GoalCheck {
  const of = (name: TargetName) =>
    findResult(inputs.results, name, kind, 16)?.cpuPerRequestUs.gateway;
  const floor = of('floor');
  const name = target === GATEWAY ? 'gateway' : 'standalone';
  return checkGoal(
    `${name} CPU per request, ${kind} c16`,
    of(target),
    { limit: floor === undefined ? undefined : factor * floor, unit: 'µs' },
    `${target}; ≤ ${factor} × floor's ${show(floor)} µs`,
  );
}

function throughputGoal(inputs: GoalInputs, kind: ScenarioKind): GoalCheck {
  const gateway = findResult(inputs.results, GATEWAY, kind, 16)?.throughput;
  const peer = findResult(inputs.results, 'peer', kind, 16)?.throughput;
  return checkGoal(
    `gateway throughput ÷ peer's, ${kind} c16`,
    gateway === undefined || peer === undefined ? undefined : gateway / peer,
    { limit: 3, unit: '×', atLeast: true },
    `${GATEWAY} ${show(gateway)} ÷ peer ${show(peer)} req/s`,
  );
}

function addedGoal(
  inputs: GoalInputs,
  kind: ScenarioKind,
  percentile: 'p50' | 'p99',
  bound: { floorFactor: number } | { ms: number },
): GoalCheck {
  const metric = kind === 'chat' ? 'latency' : 'firstToken';
  const at = (name: TargetName) =>
    findResult(inputs.results, name, kind, 1)?.[metric]?.[percentile];
  const added = (name: TargetName) => {
    const [of, direct] = [at(name), at('direct')];
    return of === undefined || direct === undefined ? undefined : of - direct;
  };
  const floor = added('floor');
  const what = kind === 'chat' ? `added ${percentile}` : `added TTFT ${percentile}`;
  const limit =
    'ms' in bound ? bound.ms : floor === undefined ? undefined : bound.floorFactor * floor;
  const basis =
    'ms' in bound
      ? `${GATEWAY} − direct`
      : `${GATEWAY} − direct; ≤ ${bound.floorFactor} × floor's +${show(floor, 3)} ms`;
  return checkGoal(`gateway ${what}, ${kind} c1`, added(GATEWAY), { limit, unit: 'ms' }, basis);
}

/**
 * Issue 17: an Anthropic Messages stream to an Anthropic route adds no more to the time to first
 * token than the OpenAI pass-through does (standalone, c1, p50; each against its own direct call).
 */
function messagesNativeGoal(inputs: GoalInputs): GoalCheck {
  const addedTtft = (kind: ScenarioKind) => {
    const of = findResult(inputs.results, STANDALONE, kind, 1)?.firstToken?.p50;
    const direct = findResult(inputs.results, 'direct', kind, 1)?.firstToken?.p50;
    return of === undefined || direct === undefined ? undefined : of - direct;
  };
  const [messages, openai] = [addedTtft('messages-native'), addedTtft('stream')];
  return checkGoal(
    'messages-native added TTFT − OpenAI pass-through added TTFT, p50 c1',
    messages === undefined || openai === undefined ? undefined : messages - openai,
    { limit: 0.2, unit: 'ms' },
    `${STANDALONE}: +${show(messages, 3)} ms vs +${show(openai, 3)} ms`,
  );
}

function survivalGoal(inputs: GoalInputs): GoalCheck {
  const survival = (name: TargetName) =>
    findResult(inputs.results, name, 'stream', 16)?.youngGenerationSurvival;
  const gateway = survival(GATEWAY);
  const floor = survival('floor');
  return checkGoal(
    'gateway young-generation survival, stream c16',
    gateway?.percent,
    { limit: 2, unit: '%' },
    `${GATEWAY}, ${gateway?.collections ?? 0} scavenges (GCProfiler in the process); floor ${show(floor?.percent, 2)} %`,
  );
}

function admissionGoal(inputs: GoalInputs): GoalCheck {
  const cost = inputs.admissionCosts.find(
    (candidate) => candidate.scenario.kind === 'chat' && candidate.scenario.concurrency === 1,
  );
  return checkGoal(
    'admission added p50, chat c1',
    cost?.addedLatency?.p50,
    { limit: 0.15, unit: 'ms' },
    `${GATEWAY} − ${STANDALONE} (team key under limits − master key)`,
  );
}
