// @ts-check
import { execFileSync } from 'node:child_process';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import importCycles from './tests/tools/import-cycles.mjs';

/**
 * Files git does not track (a developer's scratch scripts, a helper's notes): lint is about the project, so they
 * are left out. `git add` a new file to have it linted. Outside a git checkout nothing extra is left out.
 */
function untrackedFiles() {
  try {
    return execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Where code runs decides what it may import; docs/architecture.md draws the same picture. Folders, not files:
 * a new module is in its zone by where it is put.
 */
// The vocabulary: what a profile, a detection rule, the settings and the card are, and the rules that hold for
// them. Everything else is built on it, so it imports none of it.
const VOCABULARY = ['./data/profiles', './data/detection', './data/settings', './data/card', './data/browser'];
// What runs inside web pages: the card scripts (the profile card's, the detection card's) and the card's
// components. A page must never get the profile database or the dataset (the page would own them), nor build-time
// code; and the card's size budget leaves no room for the polyfill, the storage library or a validation library
// (tests/e2e/package-budgets.e2e.ts).
const PAGE_SIDE = ['./entrypoints/overlay', './entrypoints/overlay-more', './entrypoints/detection-card', './components/card'];

const zones = [
  {
    target: './data',
    from: ['./components', './entrypoints'],
    message: 'data/ is vocabulary and logic: presentation (components/) and entry points build on it, never the other way.',
  },
  { target: './components', from: './entrypoints', message: 'Components are presentation: entry points use them, not the other way.' },
  {
    target: VOCABULARY,
    from: ['./data/i18n', './data/search', './data/messaging', './data/storage'],
    message: 'The vocabulary comes first: it knows no interface text, search, messaging or storage.',
  },
  { target: './data/i18n', from: ['./data/search', './data/messaging', './data/storage'], message: 'Interface text builds on the vocabulary only.' },
  { target: './data/search', from: ['./data/messaging', './data/storage'], message: 'Search works on profiles it is given.' },
  { target: './data/messaging', from: ['./data/i18n', './data/search', './data/storage'], message: 'Messaging carries the vocabulary, nothing above it.' },
  { target: './data/storage', from: ['./data/i18n', './data/search'], message: 'Storage keeps profiles; it shows nothing.' },
  {
    // Build-only code reads files with Node and is never bundled: nothing that ships may import it.
    target: ['./entrypoints', './components', './data/!(build)/**'],
    from: './data/build',
    message: 'data/build runs in Node at build time only; nothing that ships may import it.',
  },
  {
    target: PAGE_SIDE,
    from: ['./data/storage', './data/build', './data/settings/store.ts', './data/messaging/extension.ts'],
    message: 'The card runs in web pages: it asks the background, never opens IndexedDB or bundles the dataset, and uses the polyfill-free client (data/messaging/in-page.ts).',
  },
  {
    target: PAGE_SIDE,
    from: ['./components/popup', './components/options', './components/browse'],
    message: 'The card draws only with its own components: the extension pages’ share the polyfill and storage.',
  },
  {
    // The one shared piece a card uses: how a piece of evidence reads (interface text only), so that the detection
    // card words it exactly as the popup does.
    target: PAGE_SIDE,
    from: './components/shared',
    except: ['./evidence-text.ts'],
    message: 'The card draws only with its own components: the extension pages’ share the polyfill and storage.',
  },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', ...untrackedFiles()] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Build scripts and test tools run in Node.
    files: ['tests/**/*.mjs', 'tests/e2e/**', '*.config.*', 'data/build/**'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    plugins: { 'import-x': importX, local: importCycles },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Dependencies point one way: no cycle, not even through `import type`.
      'local/no-import-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }],
    },
  },
  {
    // In what ships, a promise is awaited, returned or given a rejection handler: none is dropped unseen (not even
    // with `void`), and none is handed to something that does not wait for it (an event listener, a condition).
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'data/**/*.{ts,tsx}', 'wxt.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // IndexedDB is opened in one place, data/storage; every other context asks it or the background.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['data/storage/**', 'tests/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'idb', message: 'IndexedDB is data/storage’s: use its functions.' }] }] },
  },
  {
    // Packages the card must not bundle (see PAGE_SIDE). Types are free: they leave nothing in the script.
    files: PAGE_SIDE.map((dir) => `${dir.slice(2)}/**`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['idb'], message: 'Content scripts must ask the background, never open IndexedDB.' },
            { group: ['valibot', '**/schema', '**/rule-schema'], allowTypeImports: true, message: 'Keep the content script tiny: no validation library (the background checks messages).' },
            {
              group: ['wxt/browser', 'webextension-polyfill', 'wxt/utils/storage', 'wxt/utils/content-script-ui/*'],
              allowTypeImports: true,
              message: 'Keep the content script tiny: use data/browser and components/card/shadow-host (no polyfill, no WXT helpers).',
            },
          ],
        },
      ],
    },
  },
);
