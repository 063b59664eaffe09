/**
 * Frees a lease's slots. KEYS: one per concurrency limit. ARGV: the lease id. Reply: the
 * number of slots freed (0 when already released or expired).
 */
export const releaseLua = `
local freed = 0
for i = 1, #KEYS do
  freed = freed + redis.call('ZREM', KEYS[i], ARGV[1])
end
return freed
`;
