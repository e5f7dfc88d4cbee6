import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { hostPermissionPatterns } from './data/host-patterns';
import { loadValidProfiles } from './data/profile-files';

// Validated here, in Node, before anything is bundled: an invalid profile stops the build with file and field.
const profiles = loadValidProfiles();

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No modulepreload polyfill: it would put a fetch() into the pages, and every browser we target has the native one.
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
  // `npm run dev` opens a browser with the extension when there is a screen; on a headless Linux box it only
  // builds .output/chrome-mv3-dev and reloads it on save (load it unpacked yourself).
  webExt: { disabled: process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY },
  hooks: {
    // Re-validate on every (re)build, so `npm run dev` also refuses a profile broken while it runs.
    'build:before': () => {
      loadValidProfiles();
    },
  },
  manifest: ({ browser }) => ({
    name: 'Python Inside',
    description: 'See how the company behind the site you are on uses Python: tools, uses and sources. Private: nothing leaves your browser.',
    permissions: ['storage', 'scripting'],
    // Only the covered companies' sites: the card is injected there and nowhere else.
    host_permissions: hostPermissionPatterns(profiles),
    action: { default_title: 'Python Inside' },
    // Firefox needs a stable id for storage.sync; 115 is the first release with storage.session in MV2.
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: 'python-inside@python-inside.dev', strict_min_version: '115.0' } },
    }),
  }),
});
