/** The three kinds of limit a scope can have. */
export type LimitKind = 'requests' | 'tokens' | 'concurrency';
