import type { Redis } from 'ioredis';
import { LimiterUnavailableError } from '../limiter-unavailable-error.js';
import { callStore } from '../redis/call-store.js';
import { DEFAULT_STORE_TIMEOUT_MS } from '../redis/create-redis-rate-limiter.js';
import { SCRIPT_VERSION } from '../script-version.js';
import type { Budget, BudgetLedger, BudgetState } from './budget-ledger.js';
import { budgetStateLua, raiseSpentLua, reserveBudgetLua, settleBudgetLua } from './budget-lua.js';

type Script = (keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

function defineScript(redis: Redis, operation: string, lua: string): Script {
  const name = `switchyardBudget_${SCRIPT_VERSION}_${operation}`;
  redis.defineCommand(name, { lua });
  const command: unknown = Reflect.get(redis, name);
  if (typeof command !== 'function') throw new TypeError(`ioredis did not define ${name}`);
  return async (keys, args) => Reflect.apply(command, redis, [keys.length, ...keys, ...args]);
}

/** `sy:budget:v1:{partition}:<id>`: the hash tag keeps a request's budgets in one slot. */
const budgetKey = (partition: string, budget: Budget) =>
  `sy:budget:${SCRIPT_VERSION}:{${partition}}:${budget.id}`;

function statesOf(budgets: readonly Budget[], values: readonly unknown[]): BudgetState[] {
  return budgets.map((budget, index) => ({
    id: budget.id,
    limitNanos: budget.limitNanos,
    spentNanos: toBigInt(values[index * 2]),
    reservedNanos: toBigInt(values[index * 2 + 1]),
    known: values[index * 2] !== '?',
  }));
}

/** A counter from a script's reply (an integer string); anything else reads as zero. */
function toBigInt(value: unknown): bigint {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? BigInt(value) : 0n;
}

/**
 * Budgets shared by every gateway replica through Redis, each operation one Lua script. When
 * Redis cannot be reached, reservations are granted unchecked (`open`, a `degraded` hold the
 * caller must bound) or refused (`closed`).
 */
export function createRedisBudgetLedger(options: {
  redis: Redis;
  failMode: 'open' | 'closed';
  timeoutMs?: number;
  onStoreError?: (error: unknown) => void;
}): BudgetLedger {
  const { redis } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  const report = (error: unknown) => options.onStoreError?.(error);
  const reserve = defineScript(redis, 'reserve', reserveBudgetLua);
  const settle = defineScript(redis, 'settle', settleBudgetLua);
  const state = defineScript(redis, 'state', budgetStateLua);
  const raise = defineScript(redis, 'raise', raiseSpentLua);
  const call = <T>(run: () => Promise<T>) => callStore(redis, timeoutMs, run);
  return {
    async reserve(request) {
      const keys = request.budgets.map((budget) => budgetKey(request.partition, budget));
      const args: (string | number)[] = [
        request.leaseId,
        request.ttlMs,
        request.fixedNanos,
        request.perTokenNanos,
        request.maxTokens,
        request.minTokens,
      ];
      for (const budget of request.budgets) {
        args.push(budget.limitNanos.toString(), budget.expiresAtMs);
      }
      let reply: unknown;
      try {
        reply = await call(() => reserve(keys, args));
      } catch (error: unknown) {
        report(error);
        if (options.failMode === 'closed') throw new LimiterUnavailableError({ cause: error });
        const hold = { ...request, amountNanos: 0, degraded: true };
        return { granted: true, tokens: request.maxTokens, hold, states: [] };
      }
      if (!Array.isArray(reply)) throw new TypeError('unexpected budget reserve reply');
      if (reply[0] === 2) {
        const unknown = reply
          .slice(1)
          .map((index) => request.budgets[Number(index) - 1]?.id ?? '')
          .filter((id) => id !== '');
        return { granted: false, reason: 'unknown', unknown };
      }
      if (reply[0] === 1) {
        const tokens = Number(reply[1]);
        return {
          granted: true,
          tokens,
          hold: {
            partition: request.partition,
            leaseId: request.leaseId,
            budgets: request.budgets,
            amountNanos: request.fixedNanos + tokens * request.perTokenNanos,
            degraded: false,
          },
          states: statesOf(request.budgets, reply.slice(2)),
        };
      }
      const limiting = request.budgets[Number(reply[1]) - 1];
      return {
        granted: false,
        limitedBy: limiting?.id ?? '',
        reason: reply[2] === 'reserved' ? 'reserved' : 'spent',
        states: statesOf(request.budgets, reply.slice(3)),
      };
    },
    async settle(hold, actualNanos) {
      if (hold.degraded || hold.budgets.length === 0) return;
      const keys = hold.budgets.map((budget) => budgetKey(hold.partition, budget));
      const args: (string | number)[] = [hold.leaseId, Math.max(0, Math.ceil(actualNanos))];
      for (const budget of hold.budgets) args.push(budget.expiresAtMs);
      try {
        await call(() => settle(keys, args));
      } catch (error: unknown) {
        report(error);
      }
    },
    async state(partition, budgets) {
      if (budgets.length === 0) return [];
      try {
        const reply = await call(() =>
          state(
            budgets.map((budget) => budgetKey(partition, budget)),
            [],
          ),
        );
        return Array.isArray(reply) ? statesOf(budgets, reply) : [];
      } catch (error: unknown) {
        report(error);
        return [];
      }
    },
    async raiseSpent(partition, budget, spentNanos) {
      await call(() =>
        raise([budgetKey(partition, budget)], [spentNanos.toString(), budget.expiresAtMs]),
      );
    },
  };
}
