import {
  type AlertsConfig,
  loadAlertsConfig,
  loadUsageConfig,
  type UsageConfig,
} from '@switchyard/accounting';
import { type CatalogConfig, loadCatalogSyncConfig } from '@switchyard/catalog';
import { loadConfig, parseEnvironment, type SwitchyardConfig } from '@switchyard/config';
import { type GatewayAccessConfig, loadAccessConfig } from '@switchyard/gateway';
import { z } from 'zod';

/** Standalone's configuration: the shared one and each embedded service's part of it. */
export interface StandaloneConfig {
  shared: SwitchyardConfig;
  /** The gateway's access settings (standalone fills in the pepper and encryption key it keeps). */
  access: GatewayAccessConfig;
  /** Accounting's usage consumer and retention. */
  usage: UsageConfig;
  /** Accounting's spend alert delivery and global webhook (`SWITCHYARD_ALERT_*`). */
  alerts: AlertsConfig;
  /** The catalog's sync timing and audit retention. */
  catalog: Pick<CatalogConfig, 'syncIntervalMs' | 'fetchTimeoutMs' | 'auditRetentionDays'>;
  /** Sync the catalog at start and on its interval (`SWITCHYARD_CATALOG_SYNC`, anything but `off`). */
  catalogSync: boolean;
}

const envSchema = z.object({ SWITCHYARD_CATALOG_SYNC: z.string().optional() });

/** Reads and validates standalone's configuration; throws a ConfigError naming the problems. */
export function loadStandaloneConfig(
  env: Readonly<Record<string, string | undefined>>,
): Readonly<StandaloneConfig> {
  const shared = loadConfig({ env });
  const access = loadAccessConfig(env);
  const parsed = parseEnvironment(envSchema, env);
  return Object.freeze({
    shared,
    access,
    usage: loadUsageConfig(env),
    alerts: loadAlertsConfig(env),
    catalog: loadCatalogSyncConfig(env),
    catalogSync: parsed.SWITCHYARD_CATALOG_SYNC !== 'off',
  });
}
