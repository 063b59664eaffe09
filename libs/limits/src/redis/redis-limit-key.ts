import type { LimitKind } from '../limit-kind.js';
import type { PlannedLimit } from '../planned-limit.js';
import { SCRIPT_VERSION } from '../script-version.js';

const codes: Record<LimitKind, string> = { requests: 'r', tokens: 't', concurrency: 'c' };

/** The one-letter code of a limit kind, as key suffix and script argument. */
export const limitKindCode = (kind: LimitKind): string => codes[kind];

/**
 * The Redis key of one limit: `sy:v1:{<partition>}:<scope id>:<r|t|c>`. The hash tag keeps
 * every key of a partition in one cluster slot, so one script can touch them all.
 */
export function redisLimitKey(partition: string, limit: PlannedLimit): string {
  return `sy:${SCRIPT_VERSION}:{${partition}}:${limit.scope}:${codes[limit.kind]}`;
}
