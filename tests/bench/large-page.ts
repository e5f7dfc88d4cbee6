/**
 * The benchmark's large page: 1,500 articles (about 12,000 elements) with a little inline script, like a long
 * news or video listing. Same bytes for every scenario, so differences come from the extension alone.
 */
export function largePage(host: string): string {
  const articles = Array.from(
    { length: 1500 },
    (_, i) => `<article class="item" data-i="${i}">
  <h2><a href="/watch/${i}">Item ${i} on ${host}</a></h2>
  <p class="meta"><span>${(i * 7919) % 1000} views</span> · <time datetime="2026-01-01">1 Jan 2026</time></p>
  <p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p>
  <ul class="tags"><li>python</li><li>bench</li><li>item-${i % 20}</li></ul>
</article>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Large page on ${host}</title>
<style>
  body { font: 15px system-ui; margin: 0 auto; max-width: 900px; }
  .item { border-bottom: 1px solid #ddd; padding: 8px 0; }
  .tags li { display: inline-block; margin-right: 6px; color: #555; }
</style>
</head>
<body>
<header><h1>${host}</h1><input id="q" aria-label="Search"></header>
<main>
${articles}
</main>
<script>
  // A site's own start-up work: counts and annotates the items.
  let views = 0;
  for (const el of document.querySelectorAll('.item .meta span')) views += parseInt(el.textContent, 10);
  document.querySelector('header h1').dataset.views = String(views);
</script>
</body>
</html>`;
}
