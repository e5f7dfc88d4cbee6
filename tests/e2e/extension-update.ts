/**
 * An update of the extension, made the way a store update changes the files: a temporary copy of the build is
 * loaded unpacked, then rewritten with a higher manifest version and a changed bundled dataset. Reloading an
 * unpacked extension is Chromium's update path (runtime.onInstalled with reason "update").
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDataset } from '../../data/storage/dataset';
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
 * the original build, so successive updates can take a change back. The bundler writes each profile as an object
 * literal (`id:"reddit",name:"Reddit",domains:[...]`); the dataset version is a hash of the profiles, computed when
 * the worker starts, so changing a profile changes it. A build that instead carried the version as a string would
 * have it replaced here too. A build laid out differently fails here loudly rather than updating nothing.
 */
export async function writeUpdate(copyDir: string, { version, companies }: { version: string; companies: readonly CompanyProfile[] }): Promise<void> {
  let code = await readFile(join(EXTENSION_DIR, 'background.js'), 'utf8');
  for (const changed of companies) {
    const shipped = PROFILES.find((p) => p.id === changed.id);
    if (!shipped) throw new Error(`Only shipped profiles can be changed, not ${changed.id}`);
    if (JSON.stringify(shipped.domains) === JSON.stringify(changed.domains)) continue;
    const head = `id:${JSON.stringify(shipped.id)},name:${JSON.stringify(shipped.name)},domains:`;
    const literal = head + JSON.stringify(shipped.domains);
    if (count(code, literal) !== 1) throw new Error(`background.js holds ${count(code, literal)} copies of ${literal}, not 1: the dataset is bundled differently now`);
    code = code.replace(literal, head + JSON.stringify(changed.domains));
  }
  const [before, after] = [makeDataset(PROFILES).version, makeDataset(companies).version];
  code = code.replaceAll(JSON.stringify(before), JSON.stringify(after));
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { version: string };
  await writeFile(join(copyDir, 'background.js'), code);
  await writeFile(join(copyDir, 'manifest.json'), JSON.stringify({ ...manifest, version }, null, 2));
}
