import { luaPrelude } from './lua-prelude.js';

/**
 * Keeps a replica's allowance slots alive: each named slot that is still in its set expires a
 * slot TTL from now again. KEYS: one per concurrency limit. ARGV: the slot TTL (ms), then per key
 * a count and that many slot names. Reply: per slot the set no longer holds alive (expired, swept,
 * or lost with the data), its key's index (1-based) and its name.
 */
export const refreshSlotsLua = `${luaPrelude}
local slot_ttl_ms = tonumber(ARGV[1])
local expiry = num(now + slot_ttl_ms * 1000)
local at = 2
local missing = {}
for i = 1, #KEYS do
  local count = tonumber(ARGV[at])
  at = at + 1
  for n = 1, count do
    -- An expired slot stays expired: while it was, another replica may have taken its place.
    local score = redis.call('ZSCORE', KEYS[i], ARGV[at])
    if score and tonumber(score) > now then
      redis.call('ZADD', KEYS[i], 'XX', expiry, ARGV[at])
    else
      missing[#missing + 1] = i
      missing[#missing + 1] = ARGV[at]
    end
    at = at + 1
  end
  if count > 0 then redis.call('PEXPIRE', KEYS[i], num(slot_ttl_ms)) end
end
return missing
`;
