import { ConfigError, loadConfig, type SwitchyardConfig } from '@switchyard/config';

/** The gateway's configuration: the shared config with a master key that must be set. */
export type GatewayConfig = SwitchyardConfig & { masterKey: string };

/**
 * Reads and validates the gateway's configuration from the environment (and the YAML file it
 * names); throws a ConfigError listing every problem.
 */
export function loadGatewayConfig(
  env: Readonly<Record<string, string | undefined>>,
): GatewayConfig {
  const config = loadConfig({ env });
  return requireMasterKey(config);
}

/** The config with its master key checked present. */
export function requireMasterKey(config: SwitchyardConfig): GatewayConfig {
  const { masterKey } = config;
  if (masterKey === undefined) {
    throw new ConfigError([
      {
        source: 'env',
        path: 'SWITCHYARD_MASTER_KEY',
        reason: 'is required (or auth.master_key in the YAML)',
      },
    ]);
  }
  return { ...config, masterKey };
}
