// ESLint: typescript-eslint's recommended rules, React's hook rules on the screen, and the layer
// boundaries of docs/ARCHITECTURE.md ("Layers") as errors, so a wrong import fails `npm test`.
// Formatting is Prettier's job (`npm run format:check`, part of `npm run lint`).
//
// The boundaries are `no-restricted-imports` patterns per folder, matched on the import's path
// segments: every layer's folder name is unique in the tree (no core/web/ or renderer/**/main/), so a
// segment such as "web" or "test" in an import path can only mean that layer. That needs no resolver
// and no plugin, where eslint-plugin-boundaries would need both to tell a layer from a file name.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** An import path that has one of these folders as a segment ("../../web/host", "electron"). */
const segment = (...names) => `(^|/)(${names.join('|')})(/|$)`;

const NODE_BUILTIN = `^(node:.*|(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/.*)?)$`;

const NO_TEST = {
  regex: segment('test'),
  message: 'Product code never imports test code (tests import the product). See docs/ARCHITECTURE.md "Layers".',
};

/** One rule entry per folder: in flat config a later entry replaces an earlier one's options. */
const boundary = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const CORE = boundary(NO_TEST, {
  regex: segment('electron', 'web', 'cli', 'renderer', 'test', 'demoCarrier'),
  message:
    'main/core runs under Electron, the web host, the CLI and tests alike: it imports only core, shared/ and ' +
    'libraries, never electron, main/web, main/cli, main/demoCarrier or renderer/. See docs/ARCHITECTURE.md "Layers".',
});

const RENDERER = boundary(
  NO_TEST,
  {
    regex: segment('main'),
    message:
      'The renderer talks to the main process only through its client (renderer/src/api) and shares code through ' +
      'shared/. See docs/ARCHITECTURE.md "Layers".',
  },
  { regex: NODE_BUILTIN, message: 'The renderer runs in a browser: no Node modules.' },
);

const SHARED_MESSAGE =
  'shared/ is pure TypeScript used by every process: it imports only shared/ and zod. See docs/ARCHITECTURE.md "Layers".';
/** shared/ at a depth: leaving it takes one more "../" than the file is deep. */
const shared = (depth) => ({
  files: [`shared/${'*/'.repeat(depth)}*.{ts,tsx}`],
  rules: boundary(
    { regex: NODE_BUILTIN, message: SHARED_MESSAGE },
    { regex: '^(?!zod($|/)|\\.)', message: SHARED_MESSAGE },
    { regex: `^(\\.\\./){${depth + 1}}`, message: SHARED_MESSAGE },
    { regex: segment('main', 'renderer', 'test'), message: SHARED_MESSAGE },
  ),
});

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
  { files: ['main/**/*.{ts,tsx}'], rules: boundary(NO_TEST) },
  { files: ['main/core/**/*.{ts,tsx}'], rules: CORE },
  { files: ['renderer/**/*.{ts,tsx}'], rules: RENDERER },
  shared(0),
  shared(1),
  shared(2),
);
