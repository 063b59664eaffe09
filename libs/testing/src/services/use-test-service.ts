import { checkTcpReachable, type TcpCheck, type TcpTarget } from './check-tcp-reachable.js';
import type { ContainerRecipe } from './container-recipe.js';
import { findDockerEndpoint } from './find-docker-endpoint.js';
import { startTestContainer } from './start-test-container.js';
import type { TestService } from './test-service.js';
import type { TestServiceDefinition } from './test-service-definition.js';
import { redactUrl, urlEndpoint } from './url-endpoint.js';

/** What {@link useTestService} relies on, replaceable in its own tests. */
export interface TestServiceDependencies {
  readonly environment: Readonly<Record<string, string | undefined>>;
  checkReachable(target: TcpTarget, timeoutMs: number): Promise<TcpCheck>;
  findDocker(
    environment: Readonly<Record<string, string | undefined>>,
  ): Promise<string | undefined>;
  startContainer(recipe: ContainerRecipe): Promise<TestService>;
}

const defaultDependencies: TestServiceDependencies = {
  environment: process.env,
  checkReachable: checkTcpReachable,
  findDocker: findDockerEndpoint,
  startContainer: startTestContainer,
};

/**
 * The service from its environment variable after a TCP check (~2 s), else a testcontainers
 * container when a Docker engine answers, else an Error saying what to set or start.
 */
export async function useTestService(
  definition: TestServiceDefinition,
  dependencies: TestServiceDependencies = defaultDependencies,
): Promise<TestService> {
  const { name, envVar, exampleUrl, container } = definition;
  const url = dependencies.environment[envVar]?.trim();
  if (url) {
    const endpoint = urlEndpoint(url, definition.defaultPort);
    if (endpoint === undefined) {
      throw new Error(
        `${name} is needed for this test: ${envVar} is not a URL with a host (e.g. ${exampleUrl})`,
      );
    }
    const check = await dependencies.checkReachable(endpoint, 2_000);
    if (!check.ok) {
      throw new Error(
        `${name} is needed for this test: ${envVar} is ${redactUrl(url)} but ${endpoint.host}:${endpoint.port} is not reachable (${check.reason}); start ${name} there or point ${envVar} at a running one`,
      );
    }
    return { url, stop: async () => {} };
  }
  const instead = `set ${envVar} (e.g. ${exampleUrl}) or start a Docker engine so testcontainers can run ${container.image}`;
  if ((await dependencies.findDocker(dependencies.environment)) === undefined) {
    throw new Error(`${name} is needed for this test: ${instead}`);
  }
  try {
    return await dependencies.startContainer(container);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${name} is needed for this test: testcontainers could not start ${container.image} (${reason}); set ${envVar} (e.g. ${exampleUrl}) instead`,
      { cause: error },
    );
  }
}
