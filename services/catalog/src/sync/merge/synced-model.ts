import type { RoutePricing } from '@switchyard/db';

/** Where a model or route of the merged catalog came from. */
export type SyncSource = 'config' | 'openrouter' | 'provider';

/** A route of the merged catalog, before admin overrides. */
export interface SyncedRoute {
  provider: string;
  upstreamModel: string;
  priority: number;
  pricing: RoutePricing;
  source: SyncSource;
}

/** A model of the merged catalog, before admin overrides. */
export interface SyncedModel {
  id: string;
  name: string;
  kind: 'chat' | 'embedding';
  contextLength: number;
  maxOutputTokens: number | null;
  modalities: { input: string[]; output: string[] };
  supportedParameters: string[];
  source: SyncSource;
  /** Sorted by priority. */
  routes: SyncedRoute[];
}
