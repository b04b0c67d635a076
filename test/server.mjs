// Test-only endpoints for network faults, served by web-test-runner's dev server, and the
// strict CSP header for test pages that ask for it.
//   /test-api/status/404            answers with that status
//   /test-api/slow?ms=300&feed=…     waits, then serves the feed file
//   /test-api/flaky?key=k&ms=200     fails with 500 the first time per key, then serves the feed after ms
//   /test-api/body?text=…            answers 200 with exactly that text
//   /test-api/cut?bytes=n&feed=…     sends the headers and the first n bytes of the feed, then drops the connection
//   /test-api/stall?bytes=n&feed=…   sends the headers and the first n bytes, then nothing more
//   /test-api/utf16?feed=…           the feed saved as UTF-16 (little-endian, with a byte order mark)
//   /test-api/raw?feed=…&type=…      the file's bytes exactly, with that Content-Type (the static
//                                    server re-encodes text files that are not UTF-8 as UTF-8)
//   /test-api/hold?key=k&feed=…      holds its answer (the feed file) until /test-api/release?key=k
//   /test-api/no-charset/dist/NAME   a built file as many servers send scripts: text/javascript,
//                                    no charset, so the browser decodes it in the page's encoding
//   /test-api/release?key=k          lets the held request go, and answers how it ended: "aborted"
//                                    when the browser closed its connection (Chromium does, within
//                                    2 s), else "served" once it is answered (Firefox may keep the
//                                    connection and drop the answer), or "never asked for"
//   /test-api/fallback?inline=1&feed=…  the feed (the sample by default) as the `html` command
//                                    writes it (the built CLI), with --inline-json when inline=1
//   /test/pages/X.html?fallback=list that page with its fallback link replaced by that list
//   /test-api/site/NAME/PATH         a feed fixture (test/fixtures/feeds/manifest.json) at the path
//                                    it is published at, its site's address made this one, with
//                                    Access-Control-Allow-Origin: *; NAME.closed without it (CORS
//                                    refuses other sites), NAME.lose-2 answers 500 for page 2,
//                                    NAME.slow-2 answers page 2 after 1.5 s
//   /test-api/late-module?ms=400     dist/case-study-finder.js after a wait, never from a cache: a
//                                    script that arrives after the page is first drawn
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

const seen = new Set();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Held requests by key. Once released, a key stays released (a request made again with it is
 * answered at once), and `ended` tells how the first request with it finished.
 */
const held = new Map();
function holdFor(key) {
  let entry = held.get(key);
  if (!entry) {
    entry = {};
    entry.released = new Promise((resolve) => (entry.release = resolve));
    entry.ended = new Promise((resolve) => (entry.end = resolve));
    held.set(key, entry);
  }
  return entry;
}

/**
 * The policy a council's strictest page would send, as the README documents it. 'allow-duplicates'
 * lets a second copy of Lit's `lit-html` policy be made: by another Lit library on the page,
 * or by the widget's script loaded from a second address.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "require-trusted-types-for 'script'; trusted-types lit-html case-study-finder 'allow-duplicates'";
/** The policies a `?csp=` page may ask for. */
const POLICIES = {
  strict: STRICT_CSP,
  // Without the search worker's Trusted Types policy: large feeds are searched on the page.
  'strict-without-worker-policy': STRICT_CSP.replace(' case-study-finder', ''),
  // The README's policy before 'allow-duplicates': one `lit-html` policy per page, or nothing.
  'strict-without-duplicates': STRICT_CSP.replace(" 'allow-duplicates'", ''),
};

const fallbacks = new Map();
/** The sample feed as `case-study-finder html` writes it, from the built CLI. */
function fallbackList(inline, feed = 'data/case-studies.json') {
  if (feed.includes('..')) throw new Error('bad path');
  const key = `${feed} ${inline}`;
  if (!fallbacks.has(key)) {
    const args = ['bin/case-study-finder.js', 'html', feed, ...(inline ? ['--inline-json'] : [])];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    // Exit 1 says some items were left out (the hostile fixture's are); 2 that it could not run.
    if (run.status !== 0 && run.status !== 1) throw new Error(`case-study-finder html failed (run "npm run build:cli" first): ${run.stderr}`);
    fallbacks.set(key, run.stdout);
  }
  return fallbacks.get(key);
}

/** The fallback test pages give inside the element, replaced by the list for ?fallback=list. */
const FALLBACK_LINK = '<a href="/case-studies">Browse all case studies</a>';

const manifest = JSON.parse(await readFile('test/fixtures/feeds/manifest.json', 'utf8'));

/** A feed fixture's page, as its CMS would serve it: see /test-api/site above. */
async function fixtureSite(ctx) {
  const [, spec, ...rest] = ctx.path.slice('/test-api/site'.length).split('/');
  const [name, twist] = spec.split('.');
  const fixture = Object.hasOwn(manifest, name) && !name.startsWith('//') ? manifest[name] : undefined;
  if (!fixture) return void (ctx.status = 404);
  const site = `${ctx.protocol}://${ctx.host}/test-api/site/${spec}`;
  const wanted = `/${rest.join('/')}${ctx.querystring ? `?${ctx.querystring}` : ''}`;
  const at = fixture.pages.findIndex((page) => {
    const url = new URL(page.url);
    return decodeURIComponent(url.pathname + url.search) === decodeURIComponent(wanted);
  });
  if (at < 0) return void (ctx.status = 404);
  const page = fixture.pages[at];
  const origin = new URL(page.url).origin;
  if (twist !== 'closed') {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Access-Control-Expose-Headers', 'Link, X-WP-Total, X-WP-TotalPages');
  }
  if (at === 1 && twist === 'lose-2') return void (ctx.status = 500);
  if (at === 1 && twist === 'slow-2') await sleep(1500);
  for (const [header, value] of Object.entries(page.headers ?? {})) ctx.set(header, value.replaceAll(origin, site));
  // Set as given: Koa's ctx.type would add "; charset=utf-8" to a text type.
  ctx.set('Content-Type', page.type);
  // As bytes read one to one, so a Latin-1 file stays Latin-1.
  const body = (await readFile(`test/fixtures/feeds/${page.file}`)).toString('latin1').replaceAll(origin, site);
  ctx.body = Buffer.from(body, 'latin1');
}

export async function faultMiddleware(ctx, next) {
  if (ctx.path.startsWith('/test-api/site/')) return fixtureSite(ctx);
  if (ctx.path.startsWith('/test/pages/') && ctx.path.endsWith('.html') && ctx.query.fallback === 'list') {
    if (ctx.path.includes('..')) throw new Error('bad path');
    const page = await readFile(ctx.path.slice(1), 'utf8');
    if (!page.includes(FALLBACK_LINK)) throw new Error(`${ctx.path} has no fallback link to replace`);
    ctx.type = 'text/html';
    ctx.body = page.replace(FALLBACK_LINK, fallbackList(false));
    return;
  }
  // strict-*.html, or any page with ?csp=strict (or another name in POLICIES).
  const csp = ctx.path.startsWith('/test/pages/') && (ctx.query.csp ?? (ctx.path.startsWith('/test/pages/strict-') ? 'strict' : undefined));
  if (csp && Object.hasOwn(POLICIES, csp)) {
    await next();
    ctx.set('Content-Security-Policy', POLICIES[csp]);
    return;
  }
  if (ctx.path.startsWith('/assets/')) {
    // GOV.UK Frontend's compiled CSS asks for its fonts and images at /assets/, as a service
    // that copies them there would serve them.
    ctx.path = `/node_modules/govuk-frontend/dist/govuk${ctx.path}`;
    return next();
  }
  if (ctx.path.startsWith('/test/pages/latin1-')) {
    // A legacy page: its bytes are ISO-8859-1, and the server says so. Read here, as bytes:
    // the dev server would read it as UTF-8 text.
    const name = ctx.path.slice('/test/pages/'.length);
    if (!/^[\w.-]+\.html$/.test(name)) throw new Error('bad path');
    ctx.body = await readFile(`test/pages/${name}`);
    ctx.set('Content-Type', 'text/html; charset=ISO-8859-1');
    return;
  }
  if (ctx.path.startsWith('/test-api/no-charset/dist/')) {
    const name = ctx.path.slice('/test-api/no-charset/dist/'.length);
    if (!/^[\w.-]+\.js$/.test(name)) throw new Error('bad path');
    ctx.body = await readFile(`dist/${name}`);
    ctx.set('Content-Type', 'text/javascript');
    return;
  }
  if (ctx.path === '/test/pages/back.html') {
    // As many council CMSs send their pages: the browser keeps no copy for Back, so the page
    // loads again and only the history entry's state remembers the visitor's search.
    await next();
    ctx.set('Cache-Control', 'no-store');
    return;
  }
  if (ctx.path.startsWith('/dist/')) {
    // Served to pages on the other name of this server too, as a CDN would serve it.
    await next();
    ctx.set('Access-Control-Allow-Origin', '*');
    return;
  }
  if (!ctx.path.startsWith('/test-api/')) return next();
  const { query } = ctx;
  const serveFeed = async () => {
    const file = String(query.feed ?? 'data/case-studies.json').replace(/^\/+/, '');
    if (file.includes('..')) throw new Error('bad path');
    ctx.type = 'application/json';
    ctx.body = await readFile(file, 'utf8');
  };
  const status = ctx.path.match(/^\/test-api\/status\/(\d{3})$/);
  if (status) {
    if (status[1] === '404') {
      // The runner lists every 404 it serves as a broken link in the test, by reading the
      // status once the answer is sent; this one is on purpose, so it is written straight to
      // the socket and the status left to read is not a 404.
      ctx.respond = false;
      ctx.res.writeHead(404, { 'Content-Type': 'text/plain' });
      ctx.res.end('error');
      ctx.res.statusCode = 200;
      return;
    }
    ctx.status = Number(status[1]);
    ctx.body = 'error';
    return;
  }
  if (ctx.path === '/test-api/cut' || ctx.path === '/test-api/stall') {
    const file = String(query.feed ?? 'data/case-studies.json').replace(/^\/+/, '');
    if (file.includes('..')) throw new Error('bad path');
    const whole = await readFile(file);
    // A failure after the headers: the browser has a 200 and a length, then the body stops.
    ctx.respond = false;
    ctx.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(whole.length) });
    ctx.res.write(whole.subarray(0, Number(query.bytes ?? 100)));
    if (ctx.path === '/test-api/cut') setTimeout(() => ctx.req.socket.destroy(), 50);
    return;
  }
  if (ctx.path === '/test-api/late-module') {
    await sleep(Math.min(Number(query.ms) || 0, 5000));
    ctx.type = 'text/javascript';
    ctx.body = await readFile('dist/case-study-finder.js', 'utf8');
    ctx.set('Cache-Control', 'no-store');
    return;
  }
  if (ctx.path === '/test-api/fallback') {
    ctx.type = 'text/html';
    ctx.body = fallbackList(query.inline === '1', query.feed && String(query.feed));
    return;
  }
  if (ctx.path === '/test-api/utf16') {
    const file = String(query.feed ?? 'data/case-studies.json').replace(/^\/+/, '');
    if (file.includes('..')) throw new Error('bad path');
    ctx.type = 'application/json';
    ctx.body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(await readFile(file, 'utf8'), 'utf16le')]);
    return;
  }
  if (ctx.path === '/test-api/raw') {
    const file = String(query.feed ?? '').replace(/^\/+/, '');
    if (file.includes('..')) throw new Error('bad path');
    ctx.type = String(query.type ?? 'application/octet-stream');
    ctx.body = await readFile(file);
    return;
  }
  if (ctx.path === '/test-api/hold') {
    const entry = holdFor(String(query.key));
    const closed = new Promise((resolve) => ctx.res.once('close', () => resolve('aborted')));
    const outcome = await Promise.race([entry.released.then(() => 'released'), closed]);
    if (outcome === 'aborted') {
      entry.end('aborted');
      // Nothing to answer on a closed connection, and no 404 (Koa's default) for the runner to list.
      ctx.respond = false;
      ctx.res.statusCode = 499;
      return;
    }
    await serveFeed();
    ctx.res.once('finish', () => entry.end('served'));
    return;
  }
  if (ctx.path === '/test-api/release') {
    const entry = holdFor(String(query.key));
    // A request the browser gave up on closes its connection, and that news may reach us after
    // this request does: give it a moment to end on its own before letting the answer go.
    const early = await Promise.race([entry.ended, sleep(2000)]);
    entry.release();
    ctx.body = early ?? (await Promise.race([entry.ended, sleep(3000).then(() => 'never asked for')]));
    return;
  }
  if (ctx.path === '/test-api/slow') {
    await sleep(Math.min(Number(query.ms ?? 300), 20000));
    return serveFeed();
  }
  if (ctx.path === '/test-api/flaky') {
    const key = String(query.key);
    if (!seen.has(key)) {
      seen.add(key);
      ctx.status = 500;
      ctx.body = 'error';
      return;
    }
    // The second answer takes a moment, like a real retry, so the loading state can be seen.
    await sleep(Math.min(Number(query.ms ?? 0), 5000));
    return serveFeed();
  }
  if (ctx.path === '/test-api/body') {
    ctx.type = 'application/json';
    ctx.body = String(query.text ?? '');
    return;
  }
  return next();
}
