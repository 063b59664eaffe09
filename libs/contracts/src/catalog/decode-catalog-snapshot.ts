import { type CatalogSnapshotV1, catalogSnapshotV1Schema } from './catalog-snapshot.js';

/**
 * Parses the bytes of the `snapshot.v1` KV entry into a catalog snapshot v1; throws (a zod error
 * or a SyntaxError) when they are not one, so a gateway keeps the catalog it has.
 */
export function decodeCatalogSnapshot(bytes: Uint8Array): CatalogSnapshotV1 {
  return catalogSnapshotV1Schema.parse(JSON.parse(new TextDecoder().decode(bytes)));
}
