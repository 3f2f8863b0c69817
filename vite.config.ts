import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';

// One HTML file that a clerk double-clicks: everything (JS, CSS, the parsing worker) is inlined,
// because a file:// page cannot load sibling modules.
export default defineConfig({
  plugins: [svelte(), viteSingleFile({ removeViteModuleLoader: true })],
  // Office PCs on Windows 7 run Chromium 109 at most, 360/QQ browsers older cores; Svelte's scoped CSS
  // needs :where() (Chromium 88), so 87 is the syntax floor we compile to.
  build: {
    target: 'chrome87',
    cssTarget: 'chrome87',
    copyPublicDir: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'iife' },
});
