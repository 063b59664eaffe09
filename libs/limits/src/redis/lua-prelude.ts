import { CONCURRENCY_RETRY_AFTER_MS } from '../check-concurrency.js';
import {
  GCRA_EPSILON,
  LIMIT_PERIOD_US,
  ROUNDING_SLACK_MS,
  TIME_EPOCH_S,
} from '../gcra-constants.js';

/**
 * Lua shared by the scripts, mirroring `check-gcra.ts` operation for operation so Redis and the
 * in-memory limiter agree. Time is Redis `TIME` (one clock per partition, whatever the clocks of
 * the gateways); numbers go back to Redis through `%.17g`, as Lua's own conversion keeps only 14
 * digits.
 */
export const luaPrelude = `
local period = ${LIMIT_PERIOD_US}
local epsilon = ${GCRA_EPSILON}
local slack = ${ROUNDING_SLACK_MS}
local concurrency_retry_ms = ${CONCURRENCY_RETRY_AFTER_MS}
local clock = redis.call('TIME')
local now = (tonumber(clock[1]) - ${TIME_EPOCH_S}) * 1000000 + tonumber(clock[2])

local function num(x)
  return string.format('%.17g', x)
end

local function ceil_ms(us)
  local ms = math.ceil(us / 1000 - slack)
  if ms < 0 then return 0 end
  return ms
end

local function tat_of(value)
  if value then
    local tat = tonumber(value)
    if tat and tat > now then return tat end
  end
  return now
end

local function stored_tat(key)
  return tat_of(redis.call('GET', key))
end

local function store_tat(key, tat)
  if tat > now then
    redis.call('SET', key, num(tat), 'PX', num(math.ceil((tat - now) / 1000)))
  else
    redis.call('DEL', key)
  end
end

local function read_gcra(tat, limit)
  local emission = period / limit
  local ahead = tat - now
  if ahead < 0 then ahead = 0 end
  local units = math.floor((period - ahead) / emission + epsilon)
  if units < 0 then units = 0 elseif units > limit then units = limit end
  return units, ceil_ms(ahead)
end

local function active_slots(key)
  return redis.call('ZCOUNT', key, '(' .. num(now), '+inf')
end
`;
