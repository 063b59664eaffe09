/**
 * Budget counters in Redis: one hash per budget with `spent` and one `l:<lease>` field per
 * reservation holding `amount|expiresAtMs`. Expired reservations are dropped as they are read,
 * so a dead gateway's holds vanish after their TTL. Time is Redis's own clock. A hash without
 * `spent` is unknown (a restarted or flushed Redis, a new period), never zero: reserve refuses
 * to decide on it and settle does not create it; only a seed from the ledger does.
 *
 * Lua numbers are doubles: the admission arithmetic is exact to the nano-USD below $9M and
 * within a few micro-USD beyond. What callers see is exact at any size: `spent` is returned as
 * Redis stores it (HINCRBY's 64-bit integer text), never re-formatted from a double.
 */
const READ_STATE = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function read_state(key, now)
  local fields = redis.call('HGETALL', key)
  local spent, reserved, spent_text = 0, 0, '?'
  for j = 1, #fields, 2 do
    local field, value = fields[j], fields[j + 1]
    if field == 'spent' then
      spent, spent_text = tonumber(value), value
    elseif string.sub(field, 1, 2) == 'l:' then
      local sep = string.find(value, '|', 1, true)
      local expires = tonumber(string.sub(value, sep + 1))
      if expires <= now then
        redis.call('HDEL', key, field)
      else
        reserved = reserved + tonumber(string.sub(value, 1, sep - 1))
      end
    end
  end
  return spent, reserved, spent_text
end
`;

/**
 * KEYS: budget hashes. ARGV: lease, ttl_ms, fixed, per_token, max_tokens, min_tokens, then
 * (limit, expires_at_ms) per key. Reply: {1, tokens, spent1, reserved1, …},
 * {0, index of the refusing budget (1-based), reason ('spent'|'reserved'), spent1, reserved1, …},
 * or {2, index of each unknown budget, …} with nothing reserved.
 */
export const reserveBudgetLua = `${READ_STATE}
local unknown = {2}
for i = 1, #KEYS do
  if redis.call('HEXISTS', KEYS[i], 'spent') == 0 then table.insert(unknown, i) end
end
if #unknown > 1 then return unknown end
local now = now_ms()
local lease, ttl = ARGV[1], tonumber(ARGV[2])
local fixed, per_token = tonumber(ARGV[3]), tonumber(ARGV[4])
local max_tokens, min_tokens = tonumber(ARGV[5]), tonumber(ARGV[6])
local spent, reserved, limits, spent_text = {}, {}, {}, {}
local grant, limiting = max_tokens, 0
local function affordable(available)
  if available < fixed then return -1 end
  if per_token <= 0 then return max_tokens end
  return math.min(max_tokens, math.floor((available - fixed) / per_token))
end
for i = 1, #KEYS do
  spent[i], reserved[i], spent_text[i] = read_state(KEYS[i], now)
  limits[i] = tonumber(ARGV[5 + i * 2])
  local tokens = affordable(limits[i] - spent[i] - reserved[i])
  if tokens < grant then grant, limiting = tokens, i end
end
local reply = {}
if grant < min_tokens and limiting > 0 then
  local reason = 'spent'
  if affordable(limits[limiting] - spent[limiting]) >= min_tokens then reason = 'reserved' end
  reply = {0, limiting, reason}
else
  local amount = fixed + grant * per_token
  for i = 1, #KEYS do
    redis.call('HSET', KEYS[i], 'l:' .. lease, string.format('%d|%d', amount, now + ttl))
    redis.call('PEXPIREAT', KEYS[i], ARGV[6 + i * 2])
    reserved[i] = reserved[i] + amount
  end
  reply = {1, grant}
end
for i = 1, #KEYS do
  table.insert(reply, spent_text[i])
  table.insert(reply, string.format('%d', reserved[i]))
end
return reply
`;

/**
 * KEYS: budget hashes. ARGV: lease, actual, then expires_at_ms per key. An unknown counter stays
 * unknown: the cost reaches the ledger through the usage event, and the seed reads it there.
 */
export const settleBudgetLua = `
for i = 1, #KEYS do
  redis.call('HDEL', KEYS[i], 'l:' .. ARGV[1])
  if redis.call('HEXISTS', KEYS[i], 'spent') == 1 then
    redis.call('HINCRBY', KEYS[i], 'spent', ARGV[2])
    redis.call('PEXPIREAT', KEYS[i], ARGV[2 + i])
  end
end
return 1
`;

/** KEYS: budget hashes. Reply: spent1, reserved1, … (spent is '?' for an unknown counter). */
export const budgetStateLua = `${READ_STATE}
local now = now_ms()
local reply = {}
for i = 1, #KEYS do
  local _, reserved, spent_text = read_state(KEYS[i], now)
  table.insert(reply, spent_text)
  table.insert(reply, string.format('%d', reserved))
end
return reply
`;

/** KEYS: one budget hash. ARGV: spent from the ledger, expires_at_ms. Seeds an unknown counter. */
export const raiseSpentLua = `
local current = redis.call('HGET', KEYS[1], 'spent')
if not current or tonumber(ARGV[1]) > tonumber(current) then
  redis.call('HSET', KEYS[1], 'spent', ARGV[1])
  redis.call('PEXPIREAT', KEYS[1], ARGV[2])
end
return 1
`;
