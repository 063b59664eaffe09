import type { ContainerRecipe } from './container-recipe.js';

/** Where a test gets a service from: an environment variable, else a container. */
export interface TestServiceDefinition {
  /** Human name used in error messages, e.g. `Redis`. */
  readonly name: string;
  /** The variable holding the URL, e.g. `REDIS_URL`. */
  readonly envVar: string;
  /** Shown in the error message, e.g. `redis://127.0.0.1:6379`. */
  readonly exampleUrl: string;
  /** Port assumed when the URL names none. */
  readonly defaultPort: number;
  readonly container: ContainerRecipe;
}
