import { defineConfig } from 'vitest/config';

// End-to-end tests drive the BUILT single file in Debian's Chromium; one browser at a time on a
// two-core machine, generous timeouts for a cold Chromium start.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
