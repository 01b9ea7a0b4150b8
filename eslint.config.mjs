// ESLint: typescript-eslint's recommended rules and React's hook rules on the screen, as errors, so a
// mistake fails `npm run lint`. Formatting is Prettier's job.
//
// The layer boundaries (what each folder may import, no circles) are not here: dependency-cruiser
// checks them in `npm run lint` (.dependency-cruiser.cjs, docs/ARCHITECTURE.md "Layers"), resolving
// every import to its file, with an allow-list per folder and cycle detection that ESLint's
// no-restricted-imports patterns could not express. Keeping both would say the same thing twice.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      '.tmp/',
      'test/fixtures/tracking_number_data/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Inputs (scans, cells, search text) are cleaned of control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{mjs,cjs,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The two rules of hooks. The React Compiler's rules (set-state-in-effect, refs, ...) stay off until
  // the screens are reworked for them: they ask for design changes, not mechanical fixes.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
