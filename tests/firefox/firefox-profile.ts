/**
 * A Firefox profile for the lifecycle tests: every http(s) request goes to the local sites server on 127.0.0.1,
 * its throwaway certificate is accepted for the test hosts, and, when asked, the add-on is installed in the
 * profile for real (packed-addon.ts) so that it survives browser restarts.
 *
 * The certificate is accepted through cert_override.txt, the file where Firefox keeps the exceptions a person
 * adds on its certificate-error page. It is read at start-up, so pages restored or passed on the command line are
 * accepted too (WebDriver's acceptInsecureCerts only starts with the session, after those pages have loaded).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIREFOX_DIR } from './driver';
import type { LocalSites } from './local-sites';
import { installPackedAddon } from './packed-addon';

export type Prefs = Record<string, string | number | boolean>;

/** Preferences that send all web traffic to the local sites server and nowhere else. */
export function localSitesPrefs(sites: LocalSites): Prefs {
  return {
    'network.proxy.type': 1, // manual proxy configuration
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': sites.port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': sites.port,
    'network.proxy.no_proxies_on': '',
    'network.dns.disablePrefetch': true,
    // HSTS-preloaded hosts and hosts with built-in key pins (YouTube, Google) refuse certificate exceptions:
    // both are lists of real sites' certificates, which the local server cannot and should not have.
    'network.stricttransportsecurity.preloadlist': false,
    'security.cert_pinning.enforcement_level': 0,
  };
}

/** Preferences for an add-on installed in the profile: Firefox ESR honours the signature waiver; enabled at once. */
export const installedAddonPrefs: Prefs = {
  'xpinstall.signatures.required': false,
  // Add-ons found in the profile's extensions/ folder (scope 1) are loaded and enabled without a prompt.
  'extensions.enabledScopes': 15,
  'extensions.autoDisableScopes': 0,
};

/** A new, empty profile directory that accepts the local sites' certificate; with the add-on, if asked. */
export async function createProfile(sites: LocalSites, { installAddon = false } = {}): Promise<string> {
  if (!existsSync(join(FIREFOX_DIR, 'manifest.json'))) throw new Error(`No build at ${FIREFOX_DIR}: run npm run build:firefox`);
  const dir = await mkdtemp(join(tmpdir(), 'python-inside-firefox-'));
  // host:port:origin-attributes, hash algorithm (SHA-256), fingerprint, (obsolete override bits), (db key).
  const overrides = sites.hosts.map((host) => `${host}:443:\tOID.2.16.840.1.101.3.4.2.1\t${sites.certSha256}\t\t`);
  await writeFile(join(dir, 'cert_override.txt'), ['# PSM Certificate Override Settings file', '# This is a generated file!  Do not edit.', ...overrides, ''].join('\n'));
  if (installAddon) await installPackedAddon(dir);
  return dir;
}
