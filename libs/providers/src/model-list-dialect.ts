import type { UpstreamRequest } from './provider-adapter.js';

/** Where and as whom to ask a provider which models it serves. */
export interface ModelListTarget {
  baseUrl: string;
  /** Undefined for servers that need no key. */
  apiKey: string | undefined;
  headers: Readonly<Record<string, string>>;
  /**
   * The upstream models the configuration routes to this provider, for dialects whose list
   * depends on them (Vertex lists Anthropic's publisher only when Claude is routed to it).
   */
  routedModels: readonly string[];
}

/** A model a provider's own list says it serves. */
export interface ListedModel {
  /** The provider's name for it, as sent upstream (`gpt-4o`, `gemini-2.0-flash`). */
  upstreamModel: string;
  contextLength: number | null;
  maxOutputTokens: number | null;
  /**
   * For a cloud that serves other makers' models (Bedrock, Vertex): the maker's own id of what
   * this entry serves, `maker/model` without the cloud's version suffixes
   * (`anthropic/claude-3-5-sonnet-20241022` for `us.anthropic.claude-3-5-sonnet-20241022-v2:0`),
   * so the merge can route the catalog's `maker/…` model through this provider too.
   */
  servedModel?: string;
}

/** One page of a model list, and the cursor of the next one (undefined on the last page). */
export interface ModelListPage {
  models: ListedModel[];
  nextCursor: string | undefined;
}

/**
 * How a provider lists its models, pure like an adapter: the catalog sync sends the request,
 * follows `nextCursor` (bounded, and never twice the same) and reports failures.
 */
export interface ModelListDialect {
  /** The request for one page; `cursor` is undefined for the first. */
  buildRequest(target: ModelListTarget, cursor: string | undefined): UpstreamRequest;
  /**
   * A page of the list, or undefined when the body is not one; `cursor` and `target` are the
   * request's, for lists read from several endpoints in turn (the cursor says which one answered).
   */
  parsePage(
    body: unknown,
    cursor: string | undefined,
    target: ModelListTarget,
  ): ModelListPage | undefined;
}
