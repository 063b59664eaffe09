import { luaPrelude } from './lua-prelude.js';

/**
 * Moves TPM limits' TATs by a token delta (negative: refund; never before now). KEYS: one per
 * TPM limit. ARGV: delta, then each limit. Reply: the number of limits moved.
 */
export const reconcileLua = `${luaPrelude}
local delta = tonumber(ARGV[1])
for i = 1, #KEYS do
  local emission = period / tonumber(ARGV[1 + i])
  store_tat(KEYS[i], stored_tat(KEYS[i]) + delta * emission)
end
return #KEYS
`;
