import { fileURLToPath } from 'node:url';

/** The repository root: the working directory of every child the bench starts. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** test/bench/, where the peer is installed and results are written. */
export const BENCH_DIR = fileURLToPath(new URL('../', import.meta.url));
