/**
 * The Firefox build packed the way a user's installed add-on is stored: a zip of .output/firefox-mv2 named
 * <add-on id>.xpi, placed in a profile's extensions/ folder, where Firefox finds and installs it at start-up.
 * Unlike a temporary add-on (about:debugging, WebDriver BiDi), it stays installed across browser restarts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FIREFOX_DIR } from './driver';

/** The add-on id the build declares (browser_specific_settings.gecko.id). */
export function addonId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${FIREFOX_DIR}/manifest.json declares no gecko id`);
  return id;
}

/** Packs the build into <profile>/extensions/<id>.xpi. Signing is waived by a pref (see firefox-profile.ts). */
export async function installPackedAddon(profileDir: string): Promise<void> {
  const extensions = join(profileDir, 'extensions');
  await mkdir(extensions, { recursive: true });
  try {
    // -X: no extra file attributes; -r: the whole build, with manifest.json at the root of the archive.
    execFileSync('zip', ['-q', '-X', '-r', join(extensions, `${addonId()}.xpi`), '.'], { cwd: FIREFOX_DIR, stdio: 'pipe' });
  } catch (error) {
    // Fail loudly, never skip.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('zip not found: apt-get install -y zip');
    throw error;
  }
}
