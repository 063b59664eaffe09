import type { ResponseContext } from '@switchyard/providers';
import type { Route } from '../catalog/model-catalog.js';

/** What an adapter may need to fill OpenAI fields its provider does not send. */
export function responseContext(route: Route, now: () => number): ResponseContext {
  return { createdAtSeconds: Math.floor(now() / 1000), upstreamModel: route.upstreamModel };
}
