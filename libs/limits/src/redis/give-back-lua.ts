import { luaPrelude } from './lua-prelude.js';

/**
 * Hands back what a replica charged ahead and did not use. KEYS: one per limit. ARGV: per key
 * its kind, its limit and a count, then for a concurrency key that many slot names. A rate or
 * token limit's TAT moves back by count units (never before now), or on by -count when the
 * count is negative (an overrun the replica could not cover); a concurrency key loses the named
 * slots. Reply: the number of keys handled.
 */
export const giveBackLua = `${luaPrelude}
local at = 1
for i = 1, #KEYS do
  local kind = ARGV[at]
  local limit = tonumber(ARGV[at + 1])
  local count = tonumber(ARGV[at + 2])
  at = at + 3
  if kind == 'c' then
    for n = 1, count do
      redis.call('ZREM', KEYS[i], ARGV[at])
      at = at + 1
    end
  elseif count ~= 0 then
    store_tat(KEYS[i], stored_tat(KEYS[i]) - count * period / limit)
  end
end
return #KEYS
`;
