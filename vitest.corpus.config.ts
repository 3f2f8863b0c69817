import { defineConfig } from 'vitest/config';

// The real-spreadsheet corpus (../shared/corpus, or CORPUS_DIR): files nobody on the team wrote, read
// through the same adapter as the worker. Kept out of the unit run; `npm run test:corpus` runs it.
export default defineConfig({
  test: {
    include: ['tests/corpus/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
