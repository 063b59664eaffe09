import { resolve } from 'node:path';
import { buildConfig } from './build-config.js';
import { ConfigError } from './config-error.js';
import type { ConfigProblem } from './config-problem.js';
import { deepFreeze } from './deep-freeze.js';
import { envSchema } from './env-schema.js';
import { friendlyErrorMap } from './friendly-error-map.js';
import { loadYamlConfig } from './load-yaml-config.js';
import { envProviderNames } from './resolve-providers.js';
import type { SwitchyardConfig } from './switchyard-config.js';
import type { YamlConfig } from './yaml-config-schema.js';
import { zodIssuesToProblems } from './zod-issues-to-problems.js';

/** What `loadConfig` reads: the environment is passed in, never taken from `process.env`. */
export interface LoadConfigOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** YAML path; overrides `SWITCHYARD_CONFIG`. Relative paths resolve against `cwd`. */
  file?: string;
  /** Defaults to `process.cwd()`. */
  cwd?: string;
}

/**
 * Loads `switchyard.yaml` (if any) and the environment, which overrides it, into a validated,
 * deeply frozen configuration. Throws a `ConfigError` listing every problem found.
 */
export function loadConfig(options: LoadConfigOptions): SwitchyardConfig {
  const { env } = options;
  const cwd = resolve(options.cwd ?? process.cwd());
  const problems: ConfigProblem[] = [];

  const fromEnv = env.SWITCHYARD_CONFIG === '' ? undefined : env.SWITCHYARD_CONFIG;
  const file = options.file ?? fromEnv;
  const configFile = file === undefined ? undefined : resolve(cwd, file);
  let yaml: YamlConfig | undefined = {};
  if (configFile !== undefined) {
    const loaded = loadYamlConfig({
      file: configFile,
      readFailure:
        options.file === undefined
          ? { source: 'env', path: 'SWITCHYARD_CONFIG' }
          : { source: configFile, path: '(file)' },
      env,
      envProviders: envProviderNames(env),
    });
    yaml = loaded.config;
    problems.push(...loaded.problems);
  }

  const parsedEnv = envSchema.safeParse(env, { error: friendlyErrorMap });
  if (!parsedEnv.success) problems.push(...zodIssuesToProblems(parsedEnv.error.issues, 'env'));
  if (problems.length > 0 || !parsedEnv.success || yaml === undefined) {
    throw new ConfigError(problems);
  }
  return deepFreeze(buildConfig({ yaml, env: parsedEnv.data, cwd, configFile }));
}
