import { luaPrelude } from './lua-prelude.js';

/**
 * Reconcile and release in one round trip, for the end of a request. KEYS: the TPM limits'
 * keys, then the concurrency limits' keys. ARGV: the number of TPM keys, the token delta, the
 * lease id, then each TPM limit. Reply: the number of slots freed.
 */
export const finishLua = `${luaPrelude}
local token_keys = tonumber(ARGV[1])
local delta = tonumber(ARGV[2])
if delta ~= 0 then
  for i = 1, token_keys do
    local emission = period / tonumber(ARGV[3 + i])
    store_tat(KEYS[i], stored_tat(KEYS[i]) + delta * emission)
  end
end
local freed = 0
for i = token_keys + 1, #KEYS do
  freed = freed + redis.call('ZREM', KEYS[i], ARGV[3])
end
return freed
`;
