import type { ModelCatalog } from './model-catalog.js';

/** A catalog whose contents can be replaced while requests use it. */
export interface SwappableCatalog extends ModelCatalog {
  /** The version in use: `config` until a snapshot arrives. */
  version(): string;
  /** Serves `next` from the next lookup on; requests already routed keep their models. */
  swap(next: ModelCatalog, version: string): void;
}

/**
 * The gateway's catalog: a reference swapped in one assignment, so a new catalog version never
 * blocks or disturbs a request in flight (each holds the Model and Route objects it resolved).
 */
export function createSwappableCatalog(initial: ModelCatalog): SwappableCatalog {
  let current = initial;
  let currentVersion = 'config';
  return {
    find: (id) => current.find(id),
    list: () => current.list(),
    hasProvider: (name) => current.hasProvider(name),
    version: () => currentVersion,
    swap(next, version) {
      current = next;
      currentVersion = version;
    },
  };
}
