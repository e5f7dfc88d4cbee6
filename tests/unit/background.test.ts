// Content-script registration and the toolbar badge, against an in-memory scripting/action API.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeDataset } from '@/data/dataset';
import { ensureSeeded } from '@/data/db';
import { DEFAULT_SETTINGS, withSiteEnabled, type Settings } from '@/data/settings-shape';
import { badgeFor } from '@/entrypoints/background/badge';
import { desiredRegistrations, syncContentScripts } from '@/entrypoints/background/registration';
import { acme, globex } from '../fixtures/profiles';

interface Script {
  id: string;
  matches?: string[];
  js?: string[];
}

function fakeScripting() {
  const scripts = new Map<string, Script>();
  const calls: string[] = [];
  const api = {
    getRegisteredContentScripts: async () => [...scripts.values()].map((s) => ({ ...s })),
    registerContentScripts: async (list: Script[]) => {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
      calls.push(`register ${list.map((s) => s.id).join(',')}`);
    },
    updateContentScripts: async (list: Script[]) => {
      for (const s of list) scripts.set(s.id, { ...scripts.get(s.id)!, ...s });
      calls.push(`update ${list.map((s) => s.id).join(',')}`);
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      ids.forEach((id) => scripts.delete(id));
      calls.push(`unregister ${ids.join(',')}`);
    },
  };
  (fakeBrowser as unknown as { scripting: typeof api }).scripting = api;
  return { scripts, calls };
}

const companies = [acme, globex];
const settings = (change: (s: Settings) => Settings = (s) => s) => change({ ...DEFAULT_SETTINGS });

describe('content-script registration', () => {
  let fake: ReturnType<typeof fakeScripting>;
  beforeEach(() => {
    fake = fakeScripting();
  });

  it('registers one script per enabled company, matching its domains and their subdomains', async () => {
    await syncContentScripts(companies, settings());
    expect([...fake.scripts.values()]).toEqual([
      expect.objectContaining({ id: 'overlay-acme', matches: ['*://*.acme.test/*', '*://*.acme-cdn.test/*'], js: ['content-scripts/overlay.js'] }),
      expect.objectContaining({ id: 'overlay-globex', matches: ['*://*.globex.test/*', '*://*.gbx.test/*'] }),
    ]);
  });

  it('is idempotent, also when triggers overlap', async () => {
    await Promise.all([syncContentScripts(companies, settings()), syncContentScripts(companies, settings())]);
    await syncContentScripts(companies, settings());
    expect(fake.calls).toEqual(['register overlay-acme,overlay-globex']);
  });

  it('unregisters a turned-off site, and registers it again when turned back on', async () => {
    await syncContentScripts(companies, settings());
    await syncContentScripts(companies, settings((s) => withSiteEnabled(s, 'globex', false)));
    expect([...fake.scripts.keys()]).toEqual(['overlay-acme']);
    await syncContentScripts(companies, settings());
    expect([...fake.scripts.keys()].sort()).toEqual(['overlay-acme', 'overlay-globex']);
  });

  it('registers nothing when the card is set to never show on its own', async () => {
    await syncContentScripts(companies, settings());
    await syncContentScripts(companies, settings((s) => ({ ...s, showMode: 'never' })));
    expect(fake.scripts.size).toBe(0);
  });

  it('updates the matches when a dataset update changes the domains, and leaves foreign scripts alone', async () => {
    fake.scripts.set('someone-else', { id: 'someone-else', matches: ['*://*.x.test/*'] });
    await syncContentScripts(companies, settings());
    await syncContentScripts([{ ...acme, domains: ['acme.test'] }, globex], settings());
    expect(fake.scripts.get('overlay-acme')?.matches).toEqual(['*://*.acme.test/*']);
    expect(fake.scripts.has('someone-else')).toBe(true);
    expect(desiredRegistrations(companies, settings()).size).toBe(2);
  });
});

describe('badge', () => {
  beforeEach(async () => {
    await ensureSeeded(makeDataset(companies));
  });

  it('shows "Py" and "Python at {name}" on covered, enabled pages only', async () => {
    expect(await badgeFor('https://shop.acme.test/cart', settings())).toEqual({ text: 'Py', title: 'Python at Acme' });
    expect(await badgeFor('https://example.org/', settings())).toEqual({ text: '', title: 'Python Inside' });
    expect(await badgeFor(undefined, settings())).toEqual({ text: '', title: 'Python Inside' });
    expect(await badgeFor('https://acme.test/', settings((s) => withSiteEnabled(s, 'acme', false)))).toEqual({
      text: '',
      title: 'Python Inside is off for Acme',
    });
  });

  it('reads settings only for pages that match a company', async () => {
    const load = vi.fn(async () => settings());
    await badgeFor('https://example.org/', load);
    await badgeFor(undefined, load);
    expect(load).not.toHaveBeenCalled();
    expect(await badgeFor('https://acme.test/', load)).toEqual({ text: 'Py', title: 'Python at Acme' });
    expect(load).toHaveBeenCalledOnce();
  });
});
