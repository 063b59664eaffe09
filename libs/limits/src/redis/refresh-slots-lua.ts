import { luaPrelude } from './lua-prelude.js';

/**
 * Keeps a replica's allowance slots alive: each named slot that is still in its set expires a
 * slot TTL from now again. KEYS: one per concurrency limit. ARGV: the slot TTL (ms), then per key
 * a count and that many slot names. Reply: the number of slots renewed.
 */
export const refreshSlotsLua = `${luaPrelude}
local slot_ttl_ms = tonumber(ARGV[1])
local expiry = num(now + slot_ttl_ms * 1000)
local at = 2
local renewed = 0
for i = 1, #KEYS do
  local count = tonumber(ARGV[at])
  at = at + 1
  for n = 1, count do
    renewed = renewed + redis.call('ZADD', KEYS[i], 'XX', 'CH', expiry, ARGV[at])
    at = at + 1
  end
  if count > 0 then redis.call('PEXPIRE', KEYS[i], num(slot_ttl_ms)) end
end
return renewed
`;
