import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { packagedDatasetFromDisk } from './data/build/packaged-dataset';
import { loadValidRules } from './data/build/rule-files';
import { headerNames } from './data/detection/probe';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  // What the build compiles in (wxt.config.ts): the dataset's version, the header names detection reads. WxtVitest
  // does not apply the build's defines.
  define: {
    __PYTHON_INSIDE_DATASET_VERSION__: JSON.stringify(packagedDatasetFromDisk().version),
    __PYTHON_INSIDE_DETECTION_HEADERS__: JSON.stringify(headerNames(loadValidRules())),
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Detection fixtures are whole pages with <link rel="stylesheet">: happy-dom does not load them (nor
          // should it), and reporting each as a failed load only buries real errors in the output.
          environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        // Real browsers loading the built extension: one at a time, generous timeouts for browser start-up.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts', 'tests/firefox/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
