/**
 * Postgres settings of the embedded database. PGlite's WebAssembly memory only grows, and
 * Postgres's default 128 MB of shared buffers alone took the standalone's idle RSS past 300 MB;
 * its data (keys, the catalog, a laptop's ledger) is small and read through the OS's file cache
 * anyway, so 16 MB costs nothing measurable.
 */
export const PGLITE_POSTGRESQL_CONF: readonly string[] = ['shared_buffers=16MB'];
