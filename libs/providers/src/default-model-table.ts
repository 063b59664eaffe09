/**
 * A chat model of a provider's public price list, prices in USD per million tokens as published:
 * [upstream model, display name, context length, max output tokens, prompt, cached prompt,
 * completion, id after `<provider>/` when it differs from the upstream model].
 */
export type DefaultChatRow = readonly [
  string,
  string,
  number,
  number,
  string,
  string,
  string,
  string?,
];

/** An embedding model: [upstream model, context length, prompt price per million tokens]. */
export type DefaultEmbeddingRow = readonly [string, number, string];

/**
 * A chat model's prompt-cache write prices in USD per million tokens, as published:
 * [5-minute write, 1-hour write]. Cache reads are the row's cached prompt price.
 */
export type DefaultCacheWrites = readonly [string, string];

/**
 * The models a provider serves without any YAML, as its price list publishes them; libs/config
 * turns them into `<provider>/<model>` models priced per token. Empty for a provider that has no
 * fixed list (a self-hosted server, OpenRouter's `auto`).
 */
export interface DefaultModelTable {
  readonly chat: readonly DefaultChatRow[];
  readonly embedding: readonly DefaultEmbeddingRow[];
  /** Cache-write prices by upstream model, for models that bill writes apart (Claude). */
  readonly cacheWrites?: Readonly<Record<string, DefaultCacheWrites>>;
}
