// Documents that are not web pages, on covered sites, in real Chromium: a PDF, an image, a video, JSON and plain
// text get no card; an HTML page of the same site then loaded in the same tab gets its card, under
// 'once per session', so the document did not use up the showing either. SVG and XML: hostile.e2e.ts.
import { beforeAll, beforeEach, describe, it } from 'vitest';
import { coveredPage } from './covered-pages';
import { openWindows } from './extension-tabs';
import { card, forgetShownCards, setSettings, useExtension, type Harness } from './harness';
import { budgetFor, repeatMoment } from './lifecycle-runs';
import { nonPageDocuments, recordWebm, type NonPageDocument } from './non-page-documents';
import { cardHosts } from './tab-state';
import { waitUntil } from './wait-until';

const harness = useExtension();
let h: Harness;
let documents: NonPageDocument[];

beforeAll(async () => {
  h = harness();
  h.context.setDefaultTimeout(10_000);
  h.context.setDefaultNavigationTimeout(10_000);
  const recorder = await h.context.newPage();
  await recorder.goto('https://example.org/');
  documents = nonPageDocuments(await recordWebm(recorder));
  await recorder.close();
  // Registered after the harness's fixture pages, so it answers first: the documents under /documents/, and the
  // harness's HTML page for anything else.
  const byFile = new Map(documents.map((d) => [d.file, d]));
  await h.context.route(/^https:\/\/[^/]+\/documents\//, (route) => {
    const document = byFile.get(new URL(route.request().url()).pathname.split('/').at(-1)!);
    return document ? route.fulfill({ status: 200, contentType: document.contentType, body: document.body }) : route.fallback();
  });
});

beforeEach(async () => {
  await setSettings(h, { showMode: 'once-per-session', autoHideSeconds: 0 });
});

describe('documents that are not web pages', () => {
  it(
    'a PDF, a PNG image, a WebM video, JSON and plain text get no card; the next HTML page in the same tab does',
    async () => {
      await repeatMoment(async (i) => {
        // One window per document, all at once: each the active tab of its window, so nothing but the kind of
        // document can keep a card away. A different company in each, so their 'once per session' are separate.
        const windows = await openWindows(h, documents.length);
        try {
          await forgetShownCards(h);
          const sites = documents.map((_, n) => coveredPage(i * documents.length + n, 'documents'));
          await Promise.all(windows.map(({ page }, n) => page.goto(`${sites[n]!.url}/${documents[n]!.file}`)));
          const wrong = await Promise.all(windows.map(async ({ page }, n) => documents[n]!.notShownAsItself(page)));
          const misshown = wrong.flatMap((w, n) => (w ? [`${documents[n]!.kind}: ${w}`] : []));
          if (misshown.length) throw new Error(`not shown as documents of their kind: ${misshown.join('; ')}`);

          await windows[0]!.page.waitForTimeout(1_500); // a card, if one were coming, arrives within this
          const hosts = await Promise.all(windows.map(({ page }) => cardHosts(page)));
          const carded = documents.filter((_, n) => hosts[n]).map((d) => d.kind);

          // Positive control, in the same tabs: the sites' HTML pages get their cards.
          await Promise.all(windows.map(({ page }, n) => page.goto(`${sites[n]!.url}/page.html`)));
          const missing: string[] = [];
          await Promise.all(
            windows.map(async ({ page }, n) => {
              const { name } = sites[n]!;
              await waitUntil(() => card(page, name).isVisible(), 10_000, () => '').catch(() => missing.push(`${name} after the ${documents[n]!.kind}`));
            }),
          );
          const problems = [
            ...(carded.length ? [`a card on the ${carded.join(', ')}`] : []),
            ...(missing.length ? [`no card on the HTML page (${missing.join(', ')})`] : []),
          ];
          if (problems.length) throw new Error(problems.join('; '));
        } finally {
          for (const { page } of windows) await page.close();
        }
      });
    },
    budgetFor(20),
  );
});
