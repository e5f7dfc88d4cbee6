import { HOSTILE_PAGES, type FixtureResponse } from './hostile-pages';

/**
 * The page every routed URL gets: a plausible site with text, a focused search box like real sites have, and
 * hostile CSS aimed at the elements the card uses, so style isolation is exercised on every load.
 */
export function fixturePage(url: URL): string {
  const host = url.hostname.replace(/[^a-z0-9.-]/gi, '');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Fixture page on ${host}</title>
  <style>
    /* A site's global styles: must not reach inside the card. */
    * { font-family: "Comic Sans MS", cursive !important; color: #ff00ff; letter-spacing: 3px; }
    section, article, h2, button, ul, li { display: inline !important; font-size: 40px !important; }
    body { margin: 0; }
    main { height: 3000px; padding: 24px; }
  </style>
</head>
<body>
  <main>
    <h1 id="site-title">Welcome to ${host}</h1>
    <p id="path">${url.pathname.replace(/[^a-z0-9/_-]/gi, '')}</p>
    <input id="site-search" aria-label="Site search">
  </main>
</body>
</html>`;
}

/** What any routed URL answers: a hostile fixture under /hostile/<name>, the plain fixture page otherwise. */
export function fixtureResponse(url: URL): FixtureResponse {
  const hostile = url.pathname.startsWith('/hostile/') ? HOSTILE_PAGES[url.pathname.slice('/hostile/'.length)] : undefined;
  return hostile ? hostile() : { contentType: 'text/html; charset=utf-8', body: fixturePage(url) };
}
