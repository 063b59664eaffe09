import type { Bus } from '@switchyard/bus';
import type { AccountingConfig } from './config.js';
import type { AccountingStores } from './start-accounting.js';

/** The stores accounting's own process connected to, and how to let them go. */
export interface ConnectedAccountingStores {
  stores: Omit<AccountingStores, 'db'>;
  close(): Promise<void>;
}

/**
 * Connects NATS and the gateways' budget counters in Redis when configured; each client is
 * loaded only then.
 */
export async function connectAccountingStores(
  config: Pick<AccountingConfig, 'natsUrl' | 'natsNamespace' | 'redisUrl'>,
): Promise<ConnectedAccountingStores> {
  const bus = config.natsUrl ? await connectBus(config.natsUrl, config.natsNamespace) : undefined;
  const budgets = config.redisUrl ? await connectBudgets(config.redisUrl) : undefined;
  return {
    stores: { ...(bus && { bus }), ...(budgets && { budgets }) },
    close: async () => {
      budgets?.redis.disconnect();
      await bus?.close();
    },
  };
}

async function connectBus(url: string, namespace: string | undefined): Promise<Bus> {
  const { connectNatsBus, withNamespace } = await import('@switchyard/bus');
  const nats = await connectNatsBus({ url, name: 'switchyard-accounting' });
  return namespace ? withNamespace(nats, namespace) : nats;
}

/** Budget counters live in the gateways' Redis; the ledger here keeps them honest. */
async function connectBudgets(url: string) {
  const [{ Redis }, { createRedisBudgetLedger }] = await Promise.all([
    import('ioredis'),
    import('@switchyard/limits'),
  ]);
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  return { redis, ledger: createRedisBudgetLedger({ redis, failMode: 'open' }) };
}
