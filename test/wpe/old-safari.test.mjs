// The built bundles in an older WebKit: Debian's WPE WebKit 2.38 (a Safari 16.0-era engine: it
// cannot parse class static blocks, which Safari added in 16.4) through its WebDriver and the cog
// browser, headless (no X server). Both files must parse there, define the element, show cards
// from the feed and search as a visitor types. Needs the build (npm run build) and
// `apt-get install -y wpewebkit-driver cog`; WPE_WEBDRIVER and COG set other paths.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const driverPath = process.env.WPE_WEBDRIVER || '/usr/bin/WPEWebDriver';
const cogPath = process.env.COG || '/usr/bin/cog';
const bundles = ['dist/case-study-finder.js', 'dist/case-study-finder.iife.js'];

/** A page with the widget, loading the bundle as a module or as a classic script. */
const page = (script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Case studies</title>
<script>window.__errors = []; addEventListener('error', (e) => __errors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));</script>
${script}</head>
<body><h1>Case studies</h1>
<case-study-finder src="/data/case-studies.json"><a href="/case-studies">Browse all case studies</a></case-study-finder>
</body></html>`;

const routes = {
  '/module.html': ['text/html', () => page('<script type="module" src="/dist/case-study-finder.js"></script>')],
  '/classic.html': ['text/html', () => page('<script src="/dist/case-study-finder.iife.js"></script>')],
  '/dist/case-study-finder.js': ['text/javascript', () => readFileSync(root + 'dist/case-study-finder.js')],
  '/dist/case-study-finder.iife.js': ['text/javascript', () => readFileSync(root + 'dist/case-study-finder.iife.js')],
  '/data/case-studies.json': ['application/json', () => readFileSync(root + 'data/case-studies.json')],
};

let server;
let origin;
let driver;
let base;
let session;

/** One WebDriver command; throws with the driver's own message when it fails. */
async function command(method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error} ${value?.message ?? ''}`);
  return value;
}

const run = (script, ...args) => command('POST', `/session/${session}/execute/sync`, { script, args });

/** Polls `script` until it returns something truthy, for at most `ms`; says what it waited for. */
async function until(script, what, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await run(script);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; page errors: ${JSON.stringify(await run('return window.__errors'))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

before(async () => {
  const missing = [driverPath, cogPath, ...bundles.map((file) => root + file)].filter((file) => !existsSync(file));
  assert.deepEqual(missing, [], 'needs `npm run build` and `apt-get install -y wpewebkit-driver cog`');
  server = createServer((request, response) => {
    const route = routes[new URL(request.url, 'http://localhost').pathname];
    if (!route) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': route[0] }).end(route[1]());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;

  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
  base = `http://127.0.0.1:${port}`;
  driver = spawn(driverPath, [`--port=${port}`], { stdio: 'ignore' });
  for (let tries = 0; ; tries++) {
    if (await fetch(`${base}/status`).then((r) => r.ok, () => false)) break;
    assert.ok(tries < 100, `WPEWebDriver did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const created = await command('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'cog',
        'wpe:browserOptions': { binary: cogPath, args: ['--automation', '--platform=headless'] },
      },
    },
  });
  session = created.sessionId;
});

after(async () => {
  if (session) await command('DELETE', `/session/${session}`).catch(() => {});
  driver?.kill();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

for (const [name, path] of [
  ['the ES module', '/module.html'],
  ['the classic script', '/classic.html'],
]) {
  test(`${name} parses in WPE WebKit 2.38, defines the element, shows cards and searches`, async () => {
    await command('POST', `/session/${session}/url`, { url: origin + path });
    const engine = await run('return navigator.userAgent');
    assert.match(engine, /Version\/16\.0 Safari/, 'this is the Safari 16.0-era engine');

    await until("return !!customElements.get('case-study-finder') || window.__errors.length > 0", 'the element to be defined');
    assert.deepEqual(await run('return window.__errors'), [], 'the bundle parses and runs without an error');

    const count = `const root = document.querySelector('case-study-finder').shadowRoot;
      const count = root && root.querySelector('[part~="count"]');
      return count ? count.textContent.trim() : '';`;
    assert.equal(await until(count, 'the result count'), '48 case studies');
    const titles = `return [...document.querySelector('case-study-finder').shadowRoot.querySelectorAll('[part~="card-link"]')]
      .map((link) => link.textContent.trim());`;
    assert.equal((await run(titles)).length, 12, 'a first page of cards');

    // Typed as a visitor types, a key pressed and released every 180 ms, misspelt.
    await run(`document.querySelector('case-study-finder').shadowRoot.querySelector('[part~="search-input"]').focus()`);
    const keys = [...'libary'].flatMap((key) => [
      { type: 'keyDown', value: key },
      { type: 'keyUp', value: key },
      { type: 'pause', duration: 180 },
    ]);
    await command('POST', `/session/${session}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions: keys }] });
    assert.equal(
      await run(`return document.querySelector('case-study-finder').shadowRoot.querySelector('[part~="search-input"]').value`),
      'libary',
    );
    const searched = await until(
      `${count.replace('return count ?', 'const text = count ?')}
      return /^Your search returned \\d+ results?$/.test(text) && text;`,
      'the search result count',
    );
    const found = await run(titles);
    assert.ok(Number(/\d+/.exec(searched)[0]) >= 5, searched);
    assert.match(found[0], /librar/i, `the first result is about libraries: ${found.join(' | ')}`);
    assert.deepEqual(await run('return window.__errors'), []);
  });
}
