/**
 * An update of the extension, made the way a store update changes the files: a temporary copy of the build is
 * loaded unpacked, then rewritten with a higher manifest version and a changed bundled dataset. Reloading an
 * unpacked extension is Chromium's update path (runtime.onInstalled with reason "update").
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASET_FILE, makeDataset } from '../../data/storage/dataset';
import type { CompanyProfile } from '../../data/profiles/schema';
import { EXTENSION_DIR, PROFILES } from './harness';

/** A copy of .output/chrome-mv3 that the test may rewrite; the caller removes it. */
export async function copyBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'python-inside-update-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

/** The shipped profiles with one company's domains replaced. */
export function withDomains(companyId: string, domains: readonly string[]): CompanyProfile[] {
  if (!PROFILES.some((p) => p.id === companyId)) throw new Error(`No profile ${companyId}`);
  return PROFILES.map((p) => (p.id === companyId ? { ...p, domains: [...domains] } : p));
}

const count = (text: string, part: string) => text.split(part).length - 1;

/**
 * Writes the build, as changed to `companies`, into `copyDir` with manifest version `version`. Always starts from
 * the original build, so successive updates can take a change back. The profiles are a data file in the package
 * (dataset.json), and the worker's script carries only the dataset's version, so both are rewritten: the file with
 * the changed profiles, the version in background.js. A build laid out differently fails here loudly rather than
 * updating nothing.
 */
export async function writeUpdate(copyDir: string, { version, companies }: { version: string; companies: readonly CompanyProfile[] }): Promise<void> {
  for (const changed of companies) {
    if (!PROFILES.some((p) => p.id === changed.id)) throw new Error(`Only shipped profiles can be changed, not ${changed.id}`);
  }
  const [before, after] = [makeDataset(PROFILES), makeDataset(companies)];
  const shipped = JSON.parse(await readFile(join(EXTENSION_DIR, DATASET_FILE), 'utf8')) as { version: string };
  if (shipped.version !== before.version) throw new Error(`${DATASET_FILE} is not the dataset of the shipped profiles: the build is laid out differently now`);
  const code = await readFile(join(EXTENSION_DIR, 'background.js'), 'utf8');
  if (count(code, JSON.stringify(before.version)) !== 1) throw new Error('background.js does not carry the dataset version once: the build is laid out differently now');
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { version: string };
  await writeFile(join(copyDir, DATASET_FILE), JSON.stringify(after));
  await writeFile(join(copyDir, 'background.js'), code.replace(JSON.stringify(before.version), JSON.stringify(after.version)));
  await writeFile(join(copyDir, 'manifest.json'), JSON.stringify({ ...manifest, version }, null, 2));
}
