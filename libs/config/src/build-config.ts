import { resolve } from 'node:path';
import type { EnvOverrides } from './env-schema.js';
import { resolveModels } from './resolve-models.js';
import { resolveProviders } from './resolve-providers.js';
import type { SwitchyardConfig } from './switchyard-config.js';
import type { YamlConfig } from './yaml-config-schema.js';

interface BuildConfigInput {
  yaml: YamlConfig;
  env: EnvOverrides;
  /** Absolute directory relative paths resolve against. */
  cwd: string;
  configFile: string | undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

/** Merges validated YAML and environment (which wins) over the defaults. */
export function buildConfig({ yaml, env, cwd, configFile }: BuildConfigInput): SwitchyardConfig {
  const providers = resolveProviders(yaml.providers ?? [], env);
  return {
    server: {
      host: env.HOST ?? yaml.server?.host ?? '0.0.0.0',
      port: env.PORT ?? yaml.server?.port ?? 8000,
      bodyLimitBytes: env.SWITCHYARD_BODY_LIMIT_BYTES ?? yaml.server?.body_limit_bytes ?? 4_194_304,
      headersTimeoutMs:
        env.SWITCHYARD_HEADERS_TIMEOUT_MS ?? yaml.server?.headers_timeout_ms ?? 30_000,
      bodyTimeoutMs: env.SWITCHYARD_BODY_TIMEOUT_MS ?? yaml.server?.body_timeout_ms ?? 60_000,
      shutdownGraceMs: yaml.server?.shutdown_grace_ms ?? 30_000,
      idleHeapTrim: yaml.server?.idle_heap_trim ?? true,
    },
    upstream: {
      connectTimeoutMs: yaml.upstream?.connect_timeout_ms ?? 10_000,
      firstByteTimeoutMs: yaml.upstream?.first_byte_timeout_ms ?? 60_000,
      idleTimeoutMs: yaml.upstream?.idle_timeout_ms ?? 60_000,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS ?? yaml.upstream?.request_timeout_ms ?? 600_000,
    },
    logLevel: env.LOG_LEVEL ?? yaml.log_level ?? 'info',
    masterKey: env.SWITCHYARD_MASTER_KEY ?? nonEmpty(yaml.auth?.master_key),
    dataDir: resolve(cwd, env.SWITCHYARD_DATA_DIR ?? '.switchyard'),
    configFile,
    providers,
    models: resolveModels(yaml.models ?? [], providers),
  };
}
