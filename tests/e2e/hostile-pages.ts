/**
 * Pages that try to break the card, served at /hostile/<name> on any host. Each is a plausible thing a real
 * site does (global resets, its own custom elements, strict CSP, Trusted Types, no <body>, SVG or XML documents,
 * frames) or something a malicious one would try (hiding the card, talking to the extension).
 */
export interface FixtureResponse {
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

const html = (head: string, body: string, headers?: Record<string, string>): FixtureResponse => ({
  contentType: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile page</title>${head}</head><body>${body}</body></html>`,
  headers,
});

const TEXT = '<main><h1 id="site-title">A hostile page</h1><p>Some text.</p><input id="site-search" aria-label="Site search"></main>';

export const HOSTILE_PAGES: Record<string, () => FixtureResponse> = {
  // Resets everything, hides unknown elements, covers the viewport, moves and shrinks the whole page.
  'css-attack': () =>
    html(
      `<style>
        * { all: unset !important; }
        *, *::before, *::after { z-index: 2147483646 !important; }
        :not(html, head, body, main, h1, p, input, style, title, meta) { display: none !important; }
        python-inside, [popover], div { display: none !important; visibility: hidden !important; opacity: 0 !important; }
        html { transform: translateX(-3000px) scale(0.2) !important; filter: blur(20px) !important; }
        body::after { content: ""; position: fixed; inset: 0; background: #f0f; z-index: 2147483647 !important; }
      </style>`,
      TEXT,
    ),
  // The page already owns the element name, with its own closed shadow root.
  'custom-element': () =>
    html(
      `<script>
        customElements.define('python-inside', class extends HTMLElement {
          constructor() { super(); this.attachShadow({ mode: 'closed' }).textContent = 'hijacked'; }
        });
      </script>`,
      TEXT,
    ),
  // The page removes anything the extension adds, and counts how often it had to.
  'remover': () =>
    html(
      `<script>
        window.removals = 0;
        new MutationObserver(() => {
          for (const el of document.querySelectorAll('python-inside, [data-python-inside]')) { el.remove(); window.removals++; }
        }).observe(document.documentElement, { childList: true, subtree: true });
      </script>`,
      TEXT,
    ),
  // Nothing may load or run but the page's own hashed nothing; Trusted Types enforced for every sink.
  'strict-csp': () =>
    html('', TEXT, {
      'Content-Security-Policy': "default-src 'none'; style-src 'none'; script-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
    }),
  // A document whose <body> is gone by the time the card arrives.
  'no-body': () => html(`<script>addEventListener('DOMContentLoaded', () => document.body.remove());</script>`, TEXT),
  'svg': () => ({
    contentType: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><circle cx="50" cy="50" r="40" fill="teal"/></svg>',
  }),
  'xml': () => ({ contentType: 'application/xml', body: '<?xml version="1.0"?><feed><entry>Python</entry></feed>' }),
  // Covered pages in frames: only the top document may get a card.
  'frames': () =>
    html('', `${TEXT}<iframe src="https://www.youtube.com/embed/x"></iframe><iframe src="https://www.reddit.com/r/python"></iframe>`),
  // A site's own modal <dialog> (sign-in, consent): everything outside it is inert while it is open. Opened as the
  // page loads with ?open, otherwise by the test; counts the clicks its own button gets.
  'modal-dialog': () =>
    html(
      `<style>dialog { width: 420px; } dialog::backdrop { background: rgba(0, 0, 0, 0.5); }</style>
      <script>
        window.dialogClicks = 0;
        addEventListener('DOMContentLoaded', () => {
          document.getElementById('dialog-button').addEventListener('click', () => window.dialogClicks++);
          if (location.search.includes('open')) document.getElementById('site-dialog').showModal();
        });
      </script>`,
      `${TEXT}<dialog id="site-dialog" aria-label="Sign in"><p>Sign in to continue.</p><button id="dialog-button">Continue</button></dialog>`,
    ),
  // What sits in a page's corners: a cookie banner across the bottom with "Accept all" at its right end, and a chat
  // bubble above it. Counts the clicks each gets.
  'corner-controls': () =>
    html(
      `<style>
        #cookies { position: fixed; left: 0; right: 0; bottom: 0; padding: 16px 24px; background: #222; color: #fff;
          display: flex; justify-content: space-between; align-items: center; z-index: 1000; }
        #chat { position: fixed; right: 24px; bottom: 100px; width: 60px; height: 60px; border-radius: 50%; z-index: 1000; }
      </style>
      <script>
        window.clicks = [];
        addEventListener('click', (e) => e.target.id && window.clicks.push(e.target.id));
      </script>`,
      `${TEXT}<div id="cookies"><span>We use cookies.</span><button id="accept-all">Accept all</button></div>
      <button id="chat" aria-label="Chat with us">?</button>`,
    ),
  // CSS zoom on the page's own root and body (some sites scale themselves this way).
  'zoom-html': () => html('<style>html { zoom: 2; }</style>', TEXT),
  'zoom-body': () => html('<style>body { zoom: 1.5; }</style>', TEXT),
  // A dark site, by its background colour only (no color-scheme), and one that says color-scheme: dark and leaves
  // the background to the browser; a light site that says light.
  'dark-background': () => html('<style>html, body { background: #101418; color: #e8e8e8; }</style>', TEXT),
  'dark-scheme': () => html('<meta name="color-scheme" content="dark">', TEXT),
  'light-scheme': () => html('<meta name="color-scheme" content="light"><style>body { background: #fafafa; }</style>', TEXT),
  // Breaks two WCAG rules on purpose: the accessibility suite's control, proving its check can fail.
  'inaccessible': () => html('', '<main><p style="color:#ccc;background:#fff">Faint text</p><input></main>'),
  // The page tries to talk to the extension the ways a page can.
  'talker': () =>
    html(
      `<script>
        const attempts = [
          { type: 'site:set-enabled', companyId: 'youtube', enabled: false },
          { type: 'card:visible' },
        ];
        for (const message of attempts) {
          window.postMessage(message, '*');
          document.dispatchEvent(new CustomEvent('python-inside', { detail: message }));
          try { chrome.runtime.sendMessage('x', message); } catch (e) { window.sendError = String(e); }
        }
      </script>`,
      TEXT,
    ),
};
