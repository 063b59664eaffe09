import type { ContainerRecipe } from './container-recipe.js';
import type { TestService } from './test-service.js';

/** Starts the recipe's container with testcontainers (imported only now) and waits until ready. */
export async function startTestContainer(recipe: ContainerRecipe): Promise<TestService> {
  const { GenericContainer, Wait } = await import('testcontainers');
  let container = new GenericContainer(recipe.image)
    .withExposedPorts(recipe.port)
    .withWaitStrategy(Wait.forLogMessage(recipe.readyLog.message, recipe.readyLog.times));
  if (recipe.command !== undefined) container = container.withCommand([...recipe.command]);
  if (recipe.environment !== undefined)
    container = container.withEnvironment({ ...recipe.environment });
  const started = await container.start();
  return {
    url: recipe.url(started.getHost(), started.getMappedPort(recipe.port)),
    async stop() {
      await started.stop();
    },
  };
}
