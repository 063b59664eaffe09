/**
 * Shared by the TypeScript and Lua GCRA so both compute the same numbers. Times are µs since
 * {@link TIME_EPOCH_S}: integers well inside a double's 53 bits for the next decades, which keeps
 * float arithmetic on TATs far finer than one unit of any limit.
 */
export const TIME_EPOCH_S = 1_700_000_000;

/** Every rate limit is per minute. */
export const LIMIT_PERIOD_US = 60_000_000;

/**
 * Slack, in units of one emission interval, that absorbs float rounding when a TAT lands
 * exactly on the boundary (e.g. the 7th request of a burst at 7 RPM).
 */
export const GCRA_EPSILON = 1e-6;

/** Slack, in ms, before rounding a duration up, so 1000.00001 ms of float noise reads 1000. */
export const ROUNDING_SLACK_MS = 1e-3;
