import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  test: {
    // Unit tests only: the real-spreadsheet corpus (tests/corpus) has vitest.corpus.config.ts.
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
