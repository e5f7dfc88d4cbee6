/**
 * A new Chromium profile with the choices a person makes in the browser's own pages written into its Preferences
 * before the first start: "Continue where you left off" (chrome://settings) and developer mode
 * (chrome://extensions, without which Chromium refuses to reload an unpacked extension).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProfileChoices {
  /** session.restore_on_startup 1: reopen the last session's tabs at start. */
  restoreLastSession?: boolean;
  developerMode?: boolean;
}

/** Makes the profile directory; the caller removes it. Chromium keeps these keys when it rewrites the file. */
export async function newProfile({ restoreLastSession = false, developerMode = false }: ProfileChoices = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'python-inside-lifecycle-'));
  await mkdir(join(dir, 'Default'));
  const preferences = {
    ...(restoreLastSession && { session: { restore_on_startup: 1 } }),
    ...(developerMode && { extensions: { ui: { developer_mode: true } } }),
  };
  await writeFile(join(dir, 'Default', 'Preferences'), JSON.stringify(preferences));
  return dir;
}
