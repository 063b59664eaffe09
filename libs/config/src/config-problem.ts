/** One thing wrong with the configuration, located precisely enough to fix it. */
export interface ConfigProblem {
  /** The YAML file's path, or `'env'` for an environment variable. */
  source: string;
  /** A YAML path such as `providers[1].base_url`, or a variable name such as `OPENAI_BASE_URL`. */
  path: string;
  reason: string;
}
