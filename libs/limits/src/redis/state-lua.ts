import { luaPrelude } from './lua-prelude.js';

/**
 * Reads limits without charging. KEYS: one per limit. ARGV: per limit its kind and limit.
 * Reply: per limit remaining, reset ms.
 */
export const stateLua = `${luaPrelude}
local reply = {}
for i = 1, #KEYS do
  local key = KEYS[i]
  local kind = ARGV[2 * i - 1]
  local limit = tonumber(ARGV[2 * i])
  if kind == 'c' then
    table.insert(reply, math.max(0, limit - active_slots(key)))
    table.insert(reply, 0)
  else
    local remaining, reset = read_gcra(stored_tat(key), limit)
    table.insert(reply, remaining)
    table.insert(reply, reset)
  end
end
return reply
`;
