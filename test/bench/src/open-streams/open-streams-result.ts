import type { RequestBody, TargetName } from '../load/bench-target.js';
import type { LatencySummary } from '../stats/summarize-latencies.js';

/** What holding many streams open at once through one target did. */
export interface OpenStreamsResult {
  readonly target: TargetName;
  /** What each stream's request was: a one-line question, or a coding agent's ~120 KB turn. */
  readonly body: RequestBody;
  /** Streams opened at once. */
  readonly streams: number;
  /** The most the upstream saw open at the same time. */
  readonly maxAtUpstream: number;
  /** First stream sent → the upstream held every one of them, ms; undefined if it never did. */
  readonly allReachedMs: number | undefined;
  /** Request start → first content event of each stream (late ones waited for a connection). */
  readonly firstToken: LatencySummary | undefined;
  /** Streams that ended complete (content, usage, `[DONE]`) once released. */
  readonly completed: number;
  /** Failures grouped by description. */
  readonly errorKinds: Readonly<Record<string, number>>;
  /** The gateway's resident memory right before the streams opened, bytes. */
  readonly rssBaselineBytes: number | undefined;
  /** The most it reached while they were open. */
  readonly rssPeakBytes: number | undefined;
  /** What it came back to after they ended (see measureOpenStreams), and when. */
  readonly rssAfterBytes: number | undefined;
  readonly settledAfterMs: number;
}
