/** The kinds of model the gateway serves. */
export const MODEL_KINDS = ['chat', 'embedding'] as const;

/** Which endpoint a model answers: chat completions or embeddings. */
export type ModelKind = (typeof MODEL_KINDS)[number];
