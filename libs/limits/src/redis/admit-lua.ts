import { luaPrelude } from './lua-prelude.js';

/**
 * Admission in one atomic step. KEYS: one per limit. ARGV: tokens, lease id, slot TTL (ms), the
 * allowance slot prefix, then per limit its kind (`r` requests, `t` tokens, `c` concurrency),
 * its limit, the allowance wanted (units to charge ahead for this replica, 0 for none) and the
 * rate or token units handed back first (what the replica held of that limit, still charged;
 * handed back whatever the verdict). Then every limit is checked, and — only if all fit — all
 * are charged, so a refusal charges nothing.
 * An admitted request's limits are then charged ahead by what each grants: at most the want and
 * a quarter of what is left after the request, so replicas drawing the last of a limit take
 * ever smaller shares. A concurrency allowance is slots named prefix..1 to prefix..n.
 * Reply: admitted (1/0), then per limit: fits, retry ms, too large (1/0), remaining, reset ms,
 * granted — remaining and reset after the charge (allowance included) when admitted, as they
 * stand when refused.
 */
export const admitLua = `${luaPrelude}
local tokens = tonumber(ARGV[1])
local lease = ARGV[2]
local slot_ttl_ms = tonumber(ARGV[3])
local prefix = ARGV[4]
local admitted = 1
local checks = {}

-- One MGET for every rate limit's TAT: each redis.call costs more than the arithmetic.
local rate_keys = {}
for i = 1, #KEYS do
  if ARGV[1 + 4 * i] ~= 'c' then rate_keys[#rate_keys + 1] = KEYS[i] end
end
local stored = {}
if #rate_keys > 0 then stored = redis.call('MGET', unpack(rate_keys)) end
local next_stored = 1

for i = 1, #KEYS do
  local key = KEYS[i]
  local kind = ARGV[1 + 4 * i]
  local limit = tonumber(ARGV[2 + 4 * i])
  local want = tonumber(ARGV[3 + 4 * i])
  local handed_back = tonumber(ARGV[4 + 4 * i])
  local c = { kind = kind, limit = limit, want = want, fits = 1, retry = 0, large = 0, granted = 0 }
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
    if handed_back > 0 then
      tat = math.max(now, tat - handed_back * emission)
      c.handed_back_tat = tat
    end
    c.charged = tat + cost * emission
    c.now_remaining, c.now_reset = read_gcra(tat, limit)
    local wait = c.charged - period - now
    if wait <= emission * epsilon then
      if want > 0 then
        local left = read_gcra(c.charged, limit)
        c.granted = math.min(want, math.floor(left / 4))
        c.charged = c.charged + c.granted * emission
      end
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
      local expiry = num(now + slot_ttl_ms * 1000)
      local added = redis.call('ZADD', key, expiry, lease)
      if c.want > 0 then
        c.granted = math.max(0, math.min(c.want, math.floor((c.limit - c.active - added) / 4)))
        for n = 1, c.granted do
          redis.call('ZADD', key, expiry, prefix .. n)
        end
      end
      redis.call('PEXPIRE', key, num(slot_ttl_ms))
      c.after_remaining = math.max(0, c.limit - c.active - added - c.granted)
    else
      store_tat(key, c.charged)
    end
    reply[#reply + 1] = 1
    reply[#reply + 1] = 0
    reply[#reply + 1] = 0
    reply[#reply + 1] = c.after_remaining
    reply[#reply + 1] = c.after_reset
    reply[#reply + 1] = c.granted
  else
    reply[#reply + 1] = c.fits
    reply[#reply + 1] = c.retry
    reply[#reply + 1] = c.large
    reply[#reply + 1] = c.now_remaining
    reply[#reply + 1] = c.now_reset
    reply[#reply + 1] = 0
    if c.handed_back_tat then store_tat(key, c.handed_back_tat) end
  end
end
return reply
`;
