import type { TargetName } from '../load/bench-target.js';
import type { ScenarioKind } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import type { AddedLatency } from './compare-targets.js';
import { subtractPercentiles } from './subtract-percentiles.js';

/**
 * What translating Anthropic's stream costs Switchyard at one concurrency: its
 * `stream-anthropic` numbers minus its `stream` (OpenAI pass-through) numbers, same run.
 */
export interface TranslationCost {
  readonly concurrency: number;
  /** TTFT percentiles, translated − pass-through, ms. */
  readonly addedFirstToken: AddedLatency | undefined;
  /** Whole-stream percentiles, translated − pass-through, ms. */
  readonly addedTotal: AddedLatency | undefined;
  /** (total p50 translated − total p50 pass-through) ÷ content chunks, µs. */
  readonly perChunkUsP50: number | undefined;
  /** The gateway's CPU µs per request on each path. */
  readonly gatewayCpuUs: {
    readonly passThrough: number | undefined;
    readonly translated: number | undefined;
  };
  /**
   * Direct's total p50 on the upstream's Anthropic endpoint minus on its OpenAI one, ms: how
   * much of `addedTotal` is the upstream answering differently rather than the translation.
   */
  readonly directAddedTotalP50: number | undefined;
}

/** Switchyard translated vs pass-through, at every concurrency measured. */
export function compareTranslation(
  results: readonly ScenarioResult[],
  concurrencies: readonly number[],
  chunks: number,
): TranslationCost[] {
  return concurrencies.map((concurrency) => {
    const find = (target: TargetName, kind: ScenarioKind) =>
      results.find(
        (result) =>
          result.target === target &&
          result.scenario.kind === kind &&
          result.scenario.concurrency === concurrency,
      );
    const passThrough = find('switchyard', 'stream');
    const translated = find('switchyard', 'stream-anthropic');
    const addedTotal = subtractPercentiles(translated?.latency, passThrough?.latency);
    const directTranslated = find('direct', 'stream-anthropic')?.latency;
    const directPassThrough = find('direct', 'stream')?.latency;
    return {
      concurrency,
      addedFirstToken: subtractPercentiles(translated?.firstToken, passThrough?.firstToken),
      addedTotal,
      perChunkUsP50: addedTotal === undefined ? undefined : (addedTotal.p50 * 1000) / chunks,
      gatewayCpuUs: {
        passThrough: passThrough?.cpuPerRequestUs.gateway,
        translated: translated?.cpuPerRequestUs.gateway,
      },
      directAddedTotalP50:
        directTranslated === undefined || directPassThrough === undefined
          ? undefined
          : directTranslated.p50 - directPassThrough.p50,
    };
  });
}
