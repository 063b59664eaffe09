/** The key of the catalog snapshot v1 (JSON) in the `catalog` KV bucket (`CATALOG_BUCKET`). */
export const CATALOG_SNAPSHOT_KEY = 'snapshot.v1';
