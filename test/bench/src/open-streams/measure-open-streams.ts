import { Pool } from 'undici';
import { agentRequestBody } from '../load/agent-request-body.js';
import type { BenchTarget, RequestBody } from '../load/bench-target.js';
import { chatRequestBody } from '../load/chat-request-body.js';
import type { RequestSample } from '../load/request-sample.js';
import { sendChatStream } from '../load/send-chat-stream.js';
import { readProcessUsage } from '../processes/read-process-usage.js';
import { samplePeakRss } from '../processes/sample-peak-rss.js';
import { summarizeLatencies } from '../stats/summarize-latencies.js';
import type { HeldCount } from '../upstream/create-held-streams.js';
import type { OpenStreamsResult } from './open-streams-result.js';

/** Streams are opened in waves, so a burst of connects does not overflow the listen backlog. */
const WAVE = 100;
const WAVE_GAP_MS = 10;
/** Longest wait for every stream to reach the upstream (below the gateway's 60 s idle timeout). */
const REACH_TIMEOUT_MS = 30_000;
/** Memory is back to baseline within this much of it… */
export const RSS_SETTLED_MARGIN_BYTES = 20 * 2 ** 20;
/** …read every half second, for at most this long after the streams ended. */
const SETTLE_TIMEOUT_MS = 15_000;

/**
 * Opens `streams` streams through `target` at once for `model`, which the fast upstream holds
 * open after their first content event; counts how many the upstream holds at the same time,
 * then releases them, checks every one ends complete, and follows the gateway's memory: before,
 * its peak while they are open, and after, once the clients closed their connections (until back
 * within {@link RSS_SETTLED_MARGIN_BYTES}). Each stream asks a one-line question, or (`body:
 * 'agent'`) sends a coding agent's ~120 KB turn: what a server keeps of its request while the
 * answer streams.
 */
export async function measureOpenStreams(options: {
  target: BenchTarget;
  model: string;
  body: RequestBody;
  streams: number;
  upstreamOrigin: string;
}): Promise<OpenStreamsResult> {
  const { target, streams } = options;
  const pool = new Pool(target.origin, {
    connections: streams,
    pipelining: 1,
    headersTimeout: 60_000,
    bodyTimeout: 120_000,
  });
  const headers = { 'content-type': 'application/json', ...target.headers };
  const body =
    options.body === 'agent'
      ? agentRequestBody('openai-chat', options.model, true)
      : chatRequestBody(options.model, true);
  const rssBaselineBytes = rssOf(target.gatewayPid);
  const rss = samplePeakRss(target.gatewayPid);
  const startedAt = performance.now();
  const pending: Promise<RequestSample>[] = [];
  try {
    for (let sent = 0; sent < streams; sent += WAVE) {
      for (let index = sent; index < Math.min(streams, sent + WAVE); index += 1)
        pending.push(sendChatStream(pool, headers, body));
      await new Promise((resolve) => setTimeout(resolve, WAVE_GAP_MS));
    }
    const allReachedMs = await waitForHeld(options.upstreamOrigin, streams, startedAt);
    const { maxOpen } = await readHeld(options.upstreamOrigin);
    await fetch(`${options.upstreamOrigin}/bench/release`, { method: 'POST' });
    const samples = await Promise.all(pending);
    const rssPeakBytes = rss.stop();
    // The clients leave: memory a proxy keeps for idle keep-alive connections is not the streams'.
    await pool.close();
    const settled = await waitForRss(target.gatewayPid, rssBaselineBytes);
    const errorKinds: Record<string, number> = {};
    for (const sample of samples)
      if (!sample.ok) errorKinds[sample.error] = (errorKinds[sample.error] ?? 0) + 1;
    return {
      target: target.name,
      body: options.body,
      streams,
      maxAtUpstream: maxOpen,
      allReachedMs,
      firstToken: summarizeLatencies(
        samples.flatMap((sample) => (sample.ok ? (sample.firstTokenMs ?? []) : [])),
      ),
      completed: samples.filter((sample) => sample.ok).length,
      errorKinds,
      rssBaselineBytes,
      rssPeakBytes,
      rssAfterBytes: settled.rssBytes,
      settledAfterMs: settled.afterMs,
    };
  } finally {
    rss.stop();
    await fetch(`${options.upstreamOrigin}/bench/release`, { method: 'POST' }).catch(() => {});
    if (!pool.closed) await pool.destroy();
  }
}

async function waitForHeld(
  upstreamOrigin: string,
  streams: number,
  startedAt: number,
): Promise<number | undefined> {
  for (;;) {
    const { open } = await readHeld(upstreamOrigin);
    if (open >= streams) return performance.now() - startedAt;
    if (performance.now() - startedAt > REACH_TIMEOUT_MS) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function readHeld(upstreamOrigin: string): Promise<HeldCount> {
  const response = await fetch(`${upstreamOrigin}/bench/held`);
  return (await response.json()) as HeldCount;
}

async function waitForRss(
  pid: number | undefined,
  baseline: number | undefined,
): Promise<{ rssBytes: number | undefined; afterMs: number }> {
  const startedAt = performance.now();
  for (;;) {
    const rssBytes = rssOf(pid);
    const afterMs = performance.now() - startedAt;
    if (rssBytes === undefined || baseline === undefined) return { rssBytes, afterMs };
    if (rssBytes <= baseline + RSS_SETTLED_MARGIN_BYTES || afterMs > SETTLE_TIMEOUT_MS)
      return { rssBytes, afterMs };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function rssOf(pid: number | undefined): number | undefined {
  return pid === undefined ? undefined : readProcessUsage(pid)?.rssBytes;
}
