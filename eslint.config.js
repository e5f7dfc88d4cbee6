// @ts-check
import { execFileSync } from 'node:child_process';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The card script runs in web pages: IndexedDB, the bundled dataset and build-time validation must never end up
    // in it (it would expose data to the page), and its size budget (tests/unit/budgets.test.ts) leaves no room
    // for the polyfill.
    files: ['entrypoints/overlay/**', 'components/card/**', 'data/messaging/in-page.ts', 'data/browser/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['idb', '**/data/storage/**', '@/data/storage/**'], message: 'Content scripts must ask the background, never open IndexedDB or bundle the dataset.' },
            
            { group: ['**/data/settings/store', '@/data/settings/store', 'zod', '**/profiles/schema'], allowTypeImports: true, message: 'Keep the content script tiny: use data/settings/shape.' },
            { group: ['wxt/browser', '**/messaging/protocol', 'wxt/utils/content-script-ui/*'], allowTypeImports: true, message: 'Keep the content script tiny: use data/messaging/in-page and components/shadow-host (no polyfill, no WXT UI helpers).' },
          ],
        },
      ],
    },
  },
);
