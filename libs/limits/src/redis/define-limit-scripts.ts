import type { Redis } from 'ioredis';
import { SCRIPT_VERSION } from '../script-version.js';
import { admitLua } from './admit-lua.js';
import { finishLua } from './finish-lua.js';
import { giveBackLua } from './give-back-lua.js';
import { reconcileLua } from './reconcile-lua.js';
import { refreshSlotsLua } from './refresh-slots-lua.js';
import { releaseLua } from './release-lua.js';
import { stateLua } from './state-lua.js';

/** Runs one script: EVALSHA, falling back to EVAL once per connection (ioredis does this). */
export type LimitScript = (keys: readonly string[], args: readonly string[]) => Promise<unknown>;

/** The scripts of the Redis limiter, one per operation. */
export interface LimitScripts {
  readonly admit: LimitScript;
  readonly state: LimitScript;
  readonly reconcile: LimitScript;
  readonly release: LimitScript;
  readonly finish: LimitScript;
  readonly giveBack: LimitScript;
  readonly refreshSlots: LimitScript;
}

function defineScript(redis: Redis, operation: string, lua: string): LimitScript {
  // The version in the command name keeps a client from ever mixing two versions' scripts.
  const name = `switchyardLimits_${SCRIPT_VERSION}_${operation}`;
  redis.defineCommand(name, { lua });
  const command: unknown = Reflect.get(redis, name);
  if (typeof command !== 'function') {
    throw new TypeError(`ioredis did not define the ${name} command`);
  }
  return async (keys, args) => {
    const argv: (string | number)[] = [keys.length];
    for (const key of keys) argv.push(key);
    for (const arg of args) argv.push(arg);
    const reply: unknown = await Reflect.apply(command, redis, argv);
    return reply;
  };
}

/** Registers the limiter's scripts on `redis` under versioned names (`defineCommand`). */
export function defineLimitScripts(redis: Redis): LimitScripts {
  return {
    admit: defineScript(redis, 'admit', admitLua),
    state: defineScript(redis, 'state', stateLua),
    reconcile: defineScript(redis, 'reconcile', reconcileLua),
    release: defineScript(redis, 'release', releaseLua),
    finish: defineScript(redis, 'finish', finishLua),
    giveBack: defineScript(redis, 'giveBack', giveBackLua),
    refreshSlots: defineScript(redis, 'refreshSlots', refreshSlotsLua),
  };
}
