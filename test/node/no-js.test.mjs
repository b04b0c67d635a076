// Visitors without JavaScript, and crawlers that run none: a council page with the README's
// reserve rule and, inside the element, the list `case-study-finder html` writes. Chromium with
// JavaScript disabled (a Playwright context, javaScriptEnabled: false) must show every case study
// as a link, at the top of the screen, with no empty room held for a widget that will never come;
// with JavaScript the widget takes the list's place. Needs the build (npm run build) and Chromium.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/browsers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const feed = JSON.parse(readFileSync(root + 'data/case-studies.json', 'utf8'));

/** A plain council page: the rule in its head, the element with `fallback` inside, text below. */
const page = (fallback) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Case studies</title>
<link rel="stylesheet" href="/test/pages/cls.css">
<link rel="stylesheet" href="/test/pages/cls-rule.css">
<script type="module" src="/dist/case-study-finder.js"></script>
</head><body>
<header>Northmoor District Council</header>
<main>
<h1>Case studies</h1>
<p>How councils support the people they serve.</p>
<case-study-finder src="/data/case-studies.json">
${fallback}
</case-study-finder>
<p id="after">Tell us about your project.</p>
</main></body></html>`;

let list;
let server;
let origin;
let browser;

before(async () => {
  for (const file of ['dist/case-study-finder.js', 'dist/cli/main.js']) assert.ok(existsSync(root + file), 'run "npm run build" first');
  const run = spawnSync(process.execPath, [root + 'bin/case-study-finder.js', 'html', root + 'data/case-studies.json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  list = run.stdout;
  const routes = {
    '/list.html': ['text/html', () => page(list)],
    '/link.html': ['text/html', () => page('<a href="/case-studies">Browse all case studies</a>')],
    '/dist/case-study-finder.js': ['text/javascript', () => readFileSync(root + 'dist/case-study-finder.js')],
    '/data/case-studies.json': ['application/json', () => readFileSync(root + 'data/case-studies.json')],
    '/test/pages/cls.css': ['text/css', () => readFileSync(root + 'test/pages/cls.css')],
    '/test/pages/cls-rule.css': ['text/css', () => readFileSync(root + 'test/pages/cls-rule.css')],
  };
  server = createServer((request, response) => {
    const route = routes[new URL(request.url, 'http://localhost').pathname];
    if (!route) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': route[0] }).end(route[1]());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Where things are on the page, in CSS pixels from the top of the document. */
const layout = (view) =>
  view.evaluate(() => {
    const box = (node) => {
      const rect = node.getBoundingClientRect();
      return { top: rect.top + scrollY, bottom: rect.bottom + scrollY, width: rect.width, height: rect.height };
    };
    const finder = document.querySelector('case-study-finder');
    return {
      defined: customElements.get('case-study-finder') !== undefined,
      finder: box(finder),
      content: [...finder.children].filter((node) => node.getClientRects().length).map(box),
      after: box(document.querySelector('#after')),
      links: [...finder.querySelectorAll('a')].map((link) => ({ href: link.getAttribute('href'), text: link.textContent, ...box(link) })),
      viewport: innerHeight,
    };
  });

for (const [width, height] of [
  [1280, 800],
  [390, 844],
]) {
  describe(`without JavaScript at ${width} × ${height}`, () => {
    let context;
    before(async () => {
      context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height } });
    });
    after(() => context.close());

    test('a page made with the html command shows every case study as a link, from the top, with no empty room', async () => {
      const view = await context.newPage();
      await view.goto(`${origin}/list.html`);
      const seen = await layout(view);
      assert.equal(seen.defined, false, 'the script did not run');
      assert.deepEqual(
        seen.links.map((link) => [link.href, link.text]),
        feed.items.map((item) => [item.url, item.title]),
      );
      for (const link of seen.links) assert.ok(link.width > 0 && link.height > 0, `${link.text} is not drawn`);
      assert.ok(seen.links[0].bottom < seen.viewport, 'the first case study is on the first screen');
      // No room held: the element is as tall as the list, and the page goes on right after it.
      const contentBottom = Math.max(...seen.content.map((box) => box.bottom));
      assert.ok(seen.finder.bottom - contentBottom < 2, `the element ends ${seen.finder.bottom - contentBottom}px below its list`);
      assert.ok(seen.after.top - seen.finder.bottom < 40, `a gap of ${seen.after.top - seen.finder.bottom}px after the list`);
      await view.close();
    });

    test("the README's one-link fallback: the link, and the page straight after it", async () => {
      const view = await context.newPage();
      await view.goto(`${origin}/link.html`);
      const seen = await layout(view);
      assert.deepEqual(seen.links.map((link) => link.text), ['Browse all case studies']);
      assert.ok(seen.links[0].bottom < seen.viewport);
      assert.ok(seen.after.top - seen.links[0].bottom < 40, `a gap of ${seen.after.top - seen.links[0].bottom}px after the link`);
      await view.close();
    });
  });
}

test('with JavaScript, the widget takes the list\'s place', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const view = await context.newPage();
  await view.goto(`${origin}/list.html`);
  const count = view.locator('case-study-finder [part~="count"]');
  assert.equal(await count.textContent({ timeout: 10000 }), `${feed.items.length} case studies`);
  const seen = await layout(view);
  assert.equal(seen.defined, true);
  assert.deepEqual(seen.content, [], 'the list is no longer drawn');
  await context.close();
});
