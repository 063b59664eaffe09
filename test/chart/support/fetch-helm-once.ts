import { findHelm } from './find-helm.js';

/** Vitest global setup: fetch helm before the test files run in parallel workers. */
export default function setup(): void {
  findHelm();
}
