import { luaPrelude } from './lua-prelude.js';

/**
 * Admission in one atomic step. KEYS: one per limit. ARGV: tokens, lease id, slot TTL (ms), then
 * per limit its kind (`r` requests, `t` tokens, `c` concurrency) and its limit. First every
 * limit is checked, then — only if all fit — all are charged, so a refusal charges nothing.
 * Reply: admitted (1/0), then per limit: fits, retry ms, too large (1/0), remaining, reset ms —
 * after the charge when admitted, as they stand when refused.
 */
export const admitLua = `${luaPrelude}
local tokens = tonumber(ARGV[1])
local lease = ARGV[2]
local slot_ttl_ms = tonumber(ARGV[3])
local admitted = 1
local checks = {}

-- One MGET for every rate limit's TAT: each redis.call costs more than the arithmetic.
local rate_keys = {}
for i = 1, #KEYS do
  if ARGV[2 + 2 * i] ~= 'c' then rate_keys[#rate_keys + 1] = KEYS[i] end
end
local stored = {}
if #rate_keys > 0 then stored = redis.call('MGET', unpack(rate_keys)) end
local next_stored = 1

for i = 1, #KEYS do
  local key = KEYS[i]
  local kind = ARGV[2 + 2 * i]
  local limit = tonumber(ARGV[3 + 2 * i])
  local c = { kind = kind, limit = limit, fits = 1, retry = 0, large = 0 }
  if kind == 'c' then
    -- Expired slots (leases a dead gateway never released) are swept only when the set looks
    -- full, which keeps the common path at three calls and the set at most \`limit\` long.
    local active = redis.call('ZCARD', key)
    if active >= limit then
      redis.call('ZREMRANGEBYSCORE', key, '-inf', num(now))
      active = redis.call('ZCARD', key)
    end
    c.active = active
    c.now_remaining = math.max(0, limit - active)
    c.now_reset = 0
    c.after_reset = 0
    if active >= limit and not redis.call('ZSCORE', key, lease) then
      c.fits = 0
      c.retry = concurrency_retry_ms
    end
  else
    local cost = 1
    if kind == 't' then cost = tokens end
    local emission = period / limit
    local tat = tat_of(stored[next_stored])
    next_stored = next_stored + 1
    c.charged = tat + cost * emission
    c.now_remaining, c.now_reset = read_gcra(tat, limit)
    local wait = c.charged - period - now
    if wait <= emission * epsilon then
      c.after_remaining, c.after_reset = read_gcra(c.charged, limit)
    else
      c.fits = 0
      c.retry = math.max(1, ceil_ms(wait))
      if cost > limit then c.large = 1 end
    end
  end
  if c.fits == 0 then admitted = 0 end
  checks[i] = c
end

local reply = { admitted }
for i = 1, #KEYS do
  local key = KEYS[i]
  local c = checks[i]
  if admitted == 1 then
    if c.kind == 'c' then
      local added = redis.call('ZADD', key, num(now + slot_ttl_ms * 1000), lease)
      redis.call('PEXPIRE', key, num(slot_ttl_ms))
      c.after_remaining = math.max(0, c.limit - c.active - added)
    else
      store_tat(key, c.charged)
    end
    reply[#reply + 1] = 1
    reply[#reply + 1] = 0
    reply[#reply + 1] = 0
    reply[#reply + 1] = c.after_remaining
    reply[#reply + 1] = c.after_reset
  else
    reply[#reply + 1] = c.fits
    reply[#reply + 1] = c.retry
    reply[#reply + 1] = c.large
    reply[#reply + 1] = c.now_remaining
    reply[#reply + 1] = c.now_reset
  end
end
return reply
`;
