import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The images' boot test, run by test/images/run.sh once it has built every image (not part of
// the root config: it needs buildah and the images).
export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    include: ['test/images/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
