import type { ConfigProblem } from './config-problem.js';
import { findReferenceProblems } from './find-reference-problems.js';
import { friendlyErrorMap } from './friendly-error-map.js';
import { interpolateEnv } from './interpolate-env.js';
import { readYamlFile } from './read-yaml-file.js';
import { type YamlConfig, yamlConfigSchema } from './yaml-config-schema.js';
import { zodIssuesToProblems } from './zod-issues-to-problems.js';

interface LoadYamlConfigOptions {
  /** Absolute path of the YAML file. */
  file: string;
  /** Where to report an unreadable file: the variable that named it, or the file itself. */
  readFailure: { source: string; path: string };
  env: Readonly<Record<string, string | undefined>>;
  /** Providers the environment defines, which models in the YAML may name. */
  envProviders: readonly string[];
}

/** Reads, interpolates and validates `switchyard.yaml`, collecting every problem in it. */
export function loadYamlConfig(options: LoadYamlConfigOptions): {
  config: YamlConfig | undefined;
  problems: ConfigProblem[];
} {
  const { file, env, envProviders } = options;
  const read = readYamlFile(file, options.readFailure);
  if (read.problems.length > 0) return { config: undefined, problems: read.problems };

  const interpolated = interpolateEnv(read.value, { env, source: file });
  const parsed = yamlConfigSchema.safeParse(interpolated.value, { error: friendlyErrorMap });
  // A value whose variable is unset is already reported; its emptiness would only repeat that.
  const reported = new Set(interpolated.problems.map((problem) => problem.path));
  const schemaProblems = parsed.success
    ? []
    : zodIssuesToProblems(parsed.error.issues, file).filter((item) => !reported.has(item.path));
  return {
    config: parsed.success ? parsed.data : undefined,
    problems: [
      ...interpolated.problems,
      ...schemaProblems,
      ...findReferenceProblems(interpolated.value, { source: file, envProviders }),
    ],
  };
}
