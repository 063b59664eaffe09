import { z } from 'zod';

/**
 * Broadcast by accounting after a key or team changed (created, updated, revoked, rotated,
 * deleted), so every gateway evicts the principals it cached for those key hashes and team.
 */
export const keysChangedSchema = z.object({
  kind: z.enum(['key', 'team']),
  id: z.uuid(),
  /** The team the change touches (a key's team, or the team itself). */
  team_id: z.uuid().nullable(),
  /** Hex HMACs of every affected key secret as gateways cache them (the old one after rotation). */
  key_hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100_000),
});
export type KeysChanged = z.infer<typeof keysChangedSchema>;
