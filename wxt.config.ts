import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { DETECTION_ORIGINS } from './data/detection/origins';
import { hostPermissionPatterns } from './data/profiles/host-patterns';
import { packagedDatasetFromDisk } from './data/build/packaged-dataset';
import { loadValidRules } from './data/build/rule-files';
import { headerNames } from './data/detection/probe';
import { TOGGLE_COMMAND, TOGGLE_SUGGESTED_KEY } from './data/card/toggle-command';
import { DATASET_FILE } from './data/storage/dataset';

/**
 * Preact writes innerHTML only for `dangerouslySetInnerHTML`, which this project never uses. Turning those writes
 * into textContent makes markup impossible even by mistake, and keeps Mozilla's add-ons linter at 0 warnings.
 */
const noInnerHtml = (): Plugin => ({
  name: 'python-inside:no-inner-html',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]/.test(id) || !code.includes('.innerHTML=')) return null;
    return { code: code.replaceAll('.innerHTML=', '.textContent='), map: null };
  },
});

/**
 * Detection rules ship without their references and fixture names (those are for people and tests): only what
 * the detector reads is bundled.
 */
const runtimeRulesOnly = (): Plugin => ({
  name: 'python-inside:runtime-rules-only',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]data[\\/]detection[\\/][^\\/]+\.json$/.test(id)) return null;
    const { id: ruleId, name, category, website, signals } = JSON.parse(code) as Record<string, unknown>;
    return { code: JSON.stringify({ id: ruleId, name, category, website, signals }), map: null };
  },
});

/** The card's scripts, injected into web pages: the card and the rest of it (entrypoints/overlay, overlay-more). */
const CARD_SCRIPTS = ['overlay', 'overlay-more', 'detection-card'];

// Validated here, in Node, before anything is bundled: an invalid profile stops the build with file and field.
// The profiles ship as a data file the worker reads only to seed IndexedDB (or when it fails), never as code it
// evaluates on every wake; the worker's script holds only the version.
let dataset = packagedDatasetFromDisk();
const profiles = dataset.companies;
// The options page names the headers detection reads: only their names are compiled in, not the rules.
let detectionHeaders = headerNames(loadValidRules());

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No modulepreload polyfill: it would put a fetch() into the pages, and every browser we target has the native one.
  vite: () => ({
    plugins: [noInnerHtml(), runtimeRulesOnly(), preact()],
    build: { modulePreload: { polyfill: false } },
    define: {
      __PYTHON_INSIDE_DATASET_VERSION__: JSON.stringify(dataset.version),
      __PYTHON_INSIDE_DETECTION_HEADERS__: JSON.stringify(detectionHeaders),
    },
  }),
  // The bench builds the extension again with synthetic datasets, each in a folder of its own.
  outDir: process.env.PYTHON_INSIDE_OUT_DIR ?? '.output',
  // `npm run dev` opens a browser with the extension when there is a screen; on a headless Linux box it only
  // builds .output/chrome-mv3-dev and reloads it on save (load it unpacked yourself).
  webExt: { disabled: process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY },
  hooks: {
    // The card's scripts run in web pages, the first with every showing of the card: Terser, with a few passes,
    // makes them about 5% smaller than Vite's default minifier (a budget test holds the first to 5 KB gzip).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => CARD_SCRIPTS.includes(e.name))) return;
      config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 3, unsafe_arrows: true } } };
    },
    // Re-validate on every (re)build, so `npm run dev` also refuses a profile broken while it runs.
    'build:before': () => {
      dataset = packagedDatasetFromDisk();
      detectionHeaders = headerNames(loadValidRules());
    },
    // The messages' descriptions are notes for translators: browsers never read them, so they stay in the repo.
    'build:publicAssets': (_wxt, files) => {
      files.forEach((file, i) => {
        if (!('absoluteSrc' in file) || !/_locales[\\/][^\\/]+[\\/]messages\.json$/.test(file.relativeDest)) return;
        const messages = JSON.parse(readFileSync(file.absoluteSrc, 'utf8')) as Record<string, { description?: string }>;
        for (const entry of Object.values(messages)) delete entry.description;
        files[i] = { relativeDest: file.relativeDest, contents: JSON.stringify(messages) };
      });
      files.push({ relativeDest: DATASET_FILE, contents: JSON.stringify(dataset) });
    },
  },
  manifest: ({ browser }) => ({
    // Interface text is in public/_locales (English, German, Spanish); the profiles stay in English.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting'],
    // Only the covered companies' sites: the card is injected there and nowhere else.
    host_permissions: hostPermissionPatterns(profiles),
    // Detection on any site is opt-in: these are asked for when the user turns it on in options, and given back
    // when they turn it off. All http(s) sites to look at the page (one pattern per scheme, so that giving them back
    // leaves the covered domains alone: see data/detection/origins.ts), webRequest to read its response headers.
    // Firefox's Manifest V2 lists optional hosts among the optional permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: ['webRequest', ...DETECTION_ORIGINS] }
      : { optional_permissions: ['webRequest'], optional_host_permissions: DETECTION_ORIGINS }),
    // A shortcut to show or hide the card on the current tab (change it in the browser's shortcut settings). Why
    // this key: data/card/toggle-command.ts.
    commands: {
      [TOGGLE_COMMAND]: { suggested_key: { default: TOGGLE_SUGGESTED_KEY }, description: '__MSG_commandToggle__' },
    },
    // Firefox needs a stable id for storage.sync. 140 (an ESR) is the first release that reads the data-collection
    // declaration Mozilla now asks for; it also has storage.session, scripting and popovers, which the card uses.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'python-inside@python-inside.dev',
          strict_min_version: '140.0',
          // Mozilla's data-collection declaration: this extension collects and transmits nothing.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
