import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The wall around core/: pure domain code that runs in Node tests, the worker and the page alike.
const coreWall = {
  patterns: [
    { group: ['svelte', 'svelte/*'], message: 'core/ is pure TypeScript: no Svelte.' },
    { group: ['dexie', 'dexie/*'], message: 'core/ is pure TypeScript: storage lives in src/db.' },
    {
      group: ['@e965/xlsx', '@e965/xlsx/*', 'xlsx'],
      message: 'core/ is pure TypeScript: SheetJS lives in the worker.',
    },
    { group: ['chart.js', 'chart.js/*'], message: 'core/ is pure TypeScript: charts live in the UI.' },
    {
      group: ['**/db/**', '**/ui/**', '**/state/**', '**/adapters/**', '**/lib/**', '**/i18n/**'],
      message: 'core/ depends on nothing outside core/.',
    },
  ],
};

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'tests/fixtures/', 'coverage/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
  },
  {
    files: ['**/*.ts', '**/*.svelte'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreWall],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...ts.configs.disableTypeChecked,
  },
);
