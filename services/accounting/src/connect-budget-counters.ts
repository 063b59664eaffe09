import { type BudgetLedger, createRedisBudgetLedger } from '@switchyard/limits';
import { Redis } from 'ioredis';

/** The gateways' budget counters in Redis, and the client (its reconnects re-seed them). */
export function connectBudgetCounters(url: string): { redis: Redis; ledger: BudgetLedger } {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  return { redis, ledger: createRedisBudgetLedger({ redis, failMode: 'open' }) };
}
