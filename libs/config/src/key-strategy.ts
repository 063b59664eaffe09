/** How the gateway picks the next credential of a provider's pool. */
export const KEY_STRATEGIES = ['round_robin', 'least_used', 'random'] as const;

/** `round_robin` (the default) takes turns, `least_used` picks the one with most headroom left. */
export type KeyStrategy = (typeof KEY_STRATEGIES)[number];
