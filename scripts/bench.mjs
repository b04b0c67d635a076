// `npm run bench`: builds the bundle (dist/case-study-finder.js) and bench/index.html for
// production, serves them, runs each phase for each feed size in a fresh headless Chromium
// page, prints a table with the issue's targets marked, and writes bench/results.json. The
// element phase uses the shipped bundle, and with it the search worker for large feeds.
//
//   node scripts/bench.mjs [--sizes=1000,10000,50000] [--phases=src,throttled,validate,element,cards,engine,worker,fuse,facets]
//                          [--src-sizes=1000,10000,50000,100000] [--src-runs=3] [--old=a92bb16]
//
// While optimising, `--phases=element,engine` skips plain Fuse, the slow part (~1 min).
//
// Loading by address (src, throttled, validate) compares the code before and after in the same
// run: the bundle of commit --old (by default the one before feeds were read as they arrive) is
// built into bench/dist/old/ and served beside the current one. Feeds are served gzipped, as a
// council's server would; `throttled` loads them over a 9 Mbit/s line with 40 ms of latency.
//
// Target misses are reported, not failures: the exit code is 1 only when the bench itself broke.
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import os from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, requireChromium } from './browsers.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const DIST = join(BENCH, 'dist');
// Only a full run replaces the record kept in git; a run of some sizes or phases (while
// optimising) goes beside it, so the record always compares like with like.
const RESULTS = join(BENCH, 'results.json');
const PARTIAL_RESULTS = join(BENCH, 'results.partial.json');
const PHASES = ['src', 'throttled', 'validate', 'element', 'cards', 'engine', 'worker', 'fuse', 'facets'];
/** The code before feeds were read as they arrive (issue 24): what loading by address is compared with. */
const BASELINE = 'a92bb16';
// A line like 4G's on a good day, as the issue asks: 9 Mbit/s down, 40 ms each way.
const THROTTLE = { offline: false, latency: 40, downloadThroughput: (9e6 / 8) | 0, uploadThroughput: (9e6 / 8) | 0 };
const THROTTLED_N = 10000;
// The filters are measured with as many distinct topics as this (one per item): the issue's case.
const FACETS_N = 10000;
// A cold first render is noisy on a shared machine: the first cards are timed in this many fresh
// pages (up to 10,000 items) and reported as median and range.
const CARDS_RUNS = 9;
const CARDS_MAX_N = 10000;
// Feeds up to this size are searched on the page, so the worker phase has nothing to measure.
const WORKER_MIN = 2001;
// A phase that takes longer than this has hung (the slowest, plain Fuse at 10,000, takes ~1 min).
const PAGE_TIMEOUT_MS = 240_000;

const args = process.argv.slice(2);
const sizesArg = args.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length);
const sizes = (sizesArg ?? '1000,10000,50000').split(',').map((s) => Number(s.replace(/[_,]/g, '').trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`--sizes must be a comma-separated list of item counts, e.g. --sizes=1000,10000 (got "${sizesArg}")`);
  process.exit(1);
}
const phasesArg = args.find((arg) => arg.startsWith('--phases='))?.slice('--phases='.length);
const phases = phasesArg ? PHASES.filter((phase) => phasesArg.split(',').includes(phase)) : PHASES;
const srcSizesArg = args.find((arg) => arg.startsWith('--src-sizes='))?.slice('--src-sizes='.length);
const srcSizes = (srcSizesArg ?? '1000,10000,50000,100000').split(',').map((s) => Number(s.replace(/[_,]/g, '').trim()));
const srcRuns = Number(args.find((arg) => arg.startsWith('--src-runs='))?.slice('--src-runs='.length) ?? 3);
const oldCommit = args.find((arg) => arg.startsWith('--old='))?.slice('--old='.length) ?? BASELINE;
const loading = phases.some((phase) => ['src', 'throttled', 'validate'].includes(phase));
if (phases.length === 0) {
  console.error(`--phases must name some of ${PHASES.join(', ')} (got "${phasesArg}")`);
  process.exit(1);
}

const executablePath = requireChromium();

const began = Date.now();
const loadBefore = os.loadavg()[0];
const progress = (message) => process.stderr.write(`${message}\n`);

let server;
let browser;
let exitCode = 0;
try {
  progress('Building dist/case-study-finder.js and bench/index.html (production)…');
  // Only the bundles: the rest of dist/ (the readers' file, the CLI, the bundler build) stays.
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { emptyOutDir: false } });
  await build({
    root: BENCH,
    configFile: false,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: DIST,
      emptyOutDir: true,
      target: 'es2022',
      minify: 'oxc',
      reportCompressedSize: false,
      rolldownOptions: { input: join(BENCH, 'index.html') },
    },
  });

  await copyFile(join(ROOT, 'dist/case-study-finder.js'), join(DIST, 'case-study-finder.js'));
  const feedSizes = loading ? await prepareLoading() : [];
  server = await serve(DIST);
  const origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath,
    // Measuring memory at once, not at the next garbage collection (up to 20 s later).
    args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'],
  });
  const chromiumVersion = browser.version();
  progress(`Chromium ${chromiumVersion}, ${os.cpus().length} cores; sizes ${sizes.join(', ')}`);

  const bySize = {};
  const byAddress = loading ? await runLoading(browser, origin) : undefined;
  for (const n of sizes) {
    bySize[n] = {};
    for (const phase of phases) {
      if (['src', 'throttled', 'validate'].includes(phase)) continue;
      if (phase === 'worker' && n < WORKER_MIN) continue;
      if (phase === 'facets' && n !== FACETS_N) continue;
      if (phase === 'cards') {
        if (n > CARDS_MAX_N) continue;
        const runs = [];
        for (let run = 0; run < CARDS_RUNS; run++) {
          runs.push((await runPage(browser, `${origin}/index.html?n=${n}&phase=cards`)).firstCardsMs);
        }
        const sorted = [...runs].sort((a, b) => a - b);
        bySize[n].cards = { runs, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
        continue;
      }
      bySize[n][phase] = await runPage(browser, `${origin}/index.html?n=${n}&phase=${phase}`);
    }
  }

  const targets = checkTargets(bySize, byAddress);
  const seconds = (Date.now() - began) / 1000;
  const fuseVersion = JSON.parse(await readFile(join(ROOT, 'node_modules/fuse.js/package.json'), 'utf8')).version;
  const report = {
    date: new Date().toISOString(),
    durationSeconds: Math.round(seconds),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      // Other work on the machine inflates every number: compare runs only at similar load.
      loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]) },
    },
    chromium: chromiumVersion,
    options: { sizes, phases, srcSizes, srcRuns, old: oldCommit },
    fuseVersion,
    fuseOptions: { keys: ['title', 'summary', 'organisation', 'topics', 'supportTypes', 'keywords'], ignoreLocation: true, threshold: 0.3 },
    notes: [
      'Times in milliseconds. Keystroke stats leave out repeated texts (typed earlier in the run, so a cache may answer them).',
      'Element keystroke = from setting the input value and dispatching "input" to updateComplete (and any later update within 30 ms).',
      'Each phase runs in a fresh page; "build" is the first createSearcher in that page (cold), until its first answer.',
      'engine = the index on the page (the fallback when a page refuses the worker); worker = the same index in the bundle run as a worker, times are round trips.',
      'The element phase loads the shipped dist/case-study-finder.js: over 2,000 items it searches in its worker.',
    ],
    targets,
    sizes: bySize,
    ...(byAddress && { byAddress: { ...byAddress, feedSizes } }),
  };
  process.stdout.write(formatReport(report));
  const full = sizesArg === undefined && phasesArg === undefined && srcSizesArg === undefined;
  const target = full ? RESULTS : PARTIAL_RESULTS;
  await writeFile(`${target}.tmp`, `${JSON.stringify(report, null, 1)}\n`);
  await rename(`${target}.tmp`, target);
  console.log(`\nResults written to ${target.slice(ROOT.length + 1)} (${seconds.toFixed(0)} s in all).`);
} catch (error) {
  console.error(`The bench broke: ${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  server?.close();
}
process.exit(exitCode);

// ---- running a page -----------------------------------------------------------------------

async function runPage(browser, url, { trace = false, throttle = false } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (throttle) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  }
  // The main thread's tasks as the browser records them: the page's own long-task observer
  // misses some (a long JSON.parse among them).
  if (trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'] });
  try {
    const result = await new Promise((resolvePage, rejectPage) => {
      const timer = setTimeout(() => rejectPage(new Error(`${url} did not report within ${PAGE_TIMEOUT_MS / 1000} s`)), PAGE_TIMEOUT_MS);
      const done = (fn) => (value) => {
        clearTimeout(timer);
        fn(value);
      };
      page.on('pageerror', done((err) => rejectPage(new Error(`${url}: ${err.message}`))));
      page.on('crash', done(() => rejectPage(new Error(`${url}: the page crashed (out of memory?)`))));
      page.on('console', (msg) => {
        const text = msg.text();
        if (text.startsWith('[bench] ')) progress(`  ${text.slice(8)}`);
        // The bench adds the element before its items on purpose, to time the items alone.
        else if (text.startsWith('<case-study-finder> has no feed')) return;
        else if (msg.type() === 'error' || msg.type() === 'warning') progress(`  [page ${msg.type()}] ${text}`);
      });
      page
        .exposeFunction('benchReport', done((json) => {
          const parsed = JSON.parse(json);
          if (parsed.error) rejectPage(new Error(`${url}: ${parsed.error}`));
          else resolvePage(parsed);
        }))
        .then(() => page.goto(url))
        .catch(done(rejectPage));
    });
    if (trace) result.trace = longestTasks(JSON.parse((await browser.stopTracing()).toString('utf8')), result);
    return result;
  } finally {
    if (trace) await browser.stopTracing().catch(() => {});
    await page.close().catch(() => {});
  }
}

/**
 * The longest main-thread tasks of the page begun from the request to the first query
 * answered, in milliseconds, from the trace (placed by the `bench:start` mark the page sets).
 */
function longestTasks({ traceEvents }, result) {
  // The mark is set on the page's main thread, and says when it was set in the page's own time.
  const mark = traceEvents.find((event) => event.name === 'bench:start');
  if (!mark) return { longestMs: undefined, over50: undefined };
  const at = (now) => mark.ts + (now - (mark.args?.data?.startTime ?? result.markNow)) * 1000;
  const from = at(result.requestNow);
  const to = at(result.requestNow + result.endMs);
  const tasks = traceEvents
    .filter((event) => event.ph === 'X' && event.name === 'RunTask' && event.pid === mark.pid && event.tid === mark.tid)
    // Tasks begun after the request: the one that made it is the element's first render.
    .filter((event) => event.ts >= from && event.ts <= to)
    .map((event) => event.dur / 1000)
    .sort((a, b) => b - a);
  return { longestMs: tasks[0] ?? 0, over50: tasks.filter((ms) => ms > 50).length, top: tasks.slice(0, 5).map(round) };
}

// ---- loading by address: the old code and the new, in the same run ------------------------

/**
 * Builds the code of --old into bench/dist/old/ (its bundle, and its parseFeed as old/feed.js;
 * the current parseFeed as new/feed.js), and writes the feeds: for each size, the generated
 * items as a council's feed (plain) and newest first with the promise (newest), gzipped as a
 * server sends them. Returns the feeds' sizes, for the README.
 */
async function prepareLoading() {
  progress(`Building the code of ${oldCommit} (the code before) into bench/dist/old/…`);
  const tree = await mkdtemp(join(os.tmpdir(), 'csf-old-'));
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', oldCommit], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', tree], { input: archive });
    await symlink(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    await build({ root: tree, configFile: join(tree, 'vite.config.ts'), logLevel: 'warn', build: { outDir: join(DIST, 'old'), emptyOutDir: true, sourcemap: false } });
    for (const [from, to] of [[tree, 'old'], [ROOT, 'new']]) await buildFeedLib(from, join(DIST, to));
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
  progress('Writing the feeds (gzipped as a server sends them)…');
  const { generateFeed } = await import(await buildGenerator());
  await mkdir(join(DIST, 'feeds'), { recursive: true });
  const feedSizes = {};
  const wanted = new Set([...(phases.includes('src') || phases.includes('validate') ? srcSizes : []), ...(phases.includes('throttled') ? [THROTTLED_N] : [])]);
  for (const n of wanted) {
    const items = generateFeed(n);
    // Newest first as the widget orders them: ISO dates sort as text; ties keep feed order.
    const newest = [...items].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    for (const [kind, feed] of [['plain', { title: 'Case studies', items }], ['newest', { title: 'Case studies', order: 'newest', items: newest }]]) {
      // As the command line writes a feed: indented by two spaces.
      const json = Buffer.from(`${JSON.stringify(feed, null, 2)}\n`);
      const gzip = gzipSync(json, { level: 6 });
      await writeFile(join(DIST, 'feeds', `${n}-${kind}.json.gz`), gzip);
      if (kind !== 'plain') continue;
      // Brotli as a server compresses on the fly (quality 5) and ahead of time (11, slow: up to 10,000 items).
      const brotli = (quality) => brotliCompressSync(json, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: json.length } }).length;
      feedSizes[n] = { bytes: json.length, gzip6: gzip.length, brotli5: brotli(5), ...(n <= 10000 && { brotli11: brotli(11) }) };
    }
  }
  return feedSizes;
}

/** parseFeed of a source tree as one ES module, `feed.js` in `outDir`. */
function buildFeedLib(root, outDir) {
  return build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: false, minify: true, lib: { entry: join(root, 'src/lib/feed.ts'), formats: ['es'], fileName: () => 'feed.js' } },
  });
}

/** bench/generate.ts as a module Node can import; its path. */
async function buildGenerator() {
  const outDir = join(DIST, 'node');
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, ssr: join(BENCH, 'generate.ts'), rolldownOptions: { output: { entryFileNames: 'generate.mjs' } } },
  });
  return join(outDir, 'generate.mjs');
}

/** Every loading phase, old beside new, each in fresh pages, in turns. */
async function runLoading(browser, origin) {
  const out = { src: {}, throttled: {}, validate: {} };
  const median = (runs, key) => {
    const values = runs.map((run) => run[key]).filter((value) => value !== undefined).sort((a, b) => a - b);
    return values.length ? values[Math.floor((values.length - 1) / 2)] : undefined;
  };
  const summary = (runs) => {
    const keys = ['responseMs', 'firstByteMs', 'lastByteMs', 'decodeMs', 'parseMs', 'parseEndMs', 'loadMs', 'firstCardsMs', 'searchReadyMs', 'heapMiB'];
    const row = Object.fromEntries(keys.map((key) => [key, median(runs, key)]));
    row.longestTaskMs = Math.max(...runs.map((run) => run.trace?.longestMs ?? 0));
    row.tasksOver50 = Math.max(...runs.map((run) => run.trace?.over50 ?? 0));
    row.runs = runs.map(({ trace, ...rest }) => ({ ...rest, tasks: trace?.top }));
    return row;
  };
  const load = async (n, feed, throttle) => {
    const runs = { old: [], new: [] };
    for (let run = 0; run < (throttle ? Math.min(srcRuns, 2) : srcRuns); run++) {
      for (const bundle of ['old', 'new']) {
        runs[bundle].push(await runPage(browser, `${origin}/index.html?n=${n}&phase=src&bundle=${bundle}&feed=${feed}`, { trace: true, throttle }));
      }
    }
    return { old: summary(runs.old), new: summary(runs.new) };
  };
  if (phases.includes('validate')) {
    for (const n of srcSizes.filter((n) => n <= 50000)) out.validate[n] = await runPage(browser, `${origin}/index.html?n=${n}&phase=validate`);
  }
  if (phases.includes('src')) {
    for (const n of srcSizes) out.src[n] = { plain: await load(n, 'plain', false), newest: await load(n, 'newest', false) };
  }
  if (phases.includes('throttled')) out.throttled[THROTTLED_N] = { plain: await load(THROTTLED_N, 'plain', true), newest: await load(THROTTLED_N, 'newest', true) };
  return out;
}

/** A static server for bench/dist. Cross-origin isolated, so performance.now() has 5 µs steps, not 100 µs. */
function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const httpServer = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
    if (path.startsWith('feeds/')) {
      // Stored gzipped, and sent so (every browser asks for gzip).
      const gz = join(dir, `${path}.gz`);
      if (!gz.startsWith(dir) || !(await stat(gz).catch(() => null))?.isFile()) return void response.writeHead(404).end();
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Cross-Origin-Resource-Policy': 'same-origin',
        'Cache-Control': 'no-store',
      });
      createReadStream(gz).pipe(response);
      return;
    }
    const file = join(dir, path || 'index.html');
    const found = file.startsWith(dir) && (await stat(file).catch(() => null))?.isFile();
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveServer) => httpServer.listen(0, '127.0.0.1', () => resolveServer(httpServer)));
}

// ---- targets ------------------------------------------------------------------------------

function checkTargets(bySize, byAddress) {
  const at = (n, phase) => bySize[n]?.[phase];
  const target = (name, n, value, limit, pass) => ({ name, n, value, limit, pass: value === undefined ? null : pass(value) });
  const engine10 = at(10000, 'engine');
  const worker10 = at(10000, 'worker');
  const fuse10 = at(10000, 'fuse');
  const element10 = at(10000, 'element');
  const element50 = at(50000, 'element');
  const src = (n, feed = 'plain') => byAddress?.src[n]?.[feed]?.new;
  const old = (n, feed = 'plain') => byAddress?.src[n]?.[feed]?.old;
  return [
    target('validation, µs an item, as items arrive (500 at a time)', 50000, byAddress?.validate[50000]?.new.batches, '≤ 5 µs', (v) => v <= 5),
    target('validation, µs an item, all at once (the items property)', 50000, byAddress?.validate[50000]?.new.whole, '≤ 5 µs', (v) => v <= 5),
    target('first cards from the request (local server)', 10000, src(10000)?.firstCardsMs, '≤ 300 ms', (v) => v <= 300),
    target('first cards from the request (local server)', 50000, src(50000)?.firstCardsMs, '≤ 1,000 ms', (v) => v <= 1000),
    target('search ready from the request (local server)', 50000, src(50000)?.searchReadyMs, '≤ 2,500 ms', (v) => v <= 2500),
    target('longest main-thread task loading by address (trace)', 50000, src(50000)?.longestTaskMs, '≤ 50 ms', (v) => v <= 50),
    target('first cards at 9 Mbit/s, newest-first feed', THROTTLED_N, byAddress?.throttled[THROTTLED_N]?.newest.new.firstCardsMs, '< 1,000 ms', (v) => v < 1000),
    target(
      'heap, page + worker, new ÷ old (searching ready)',
      50000,
      src(50000)?.heapMiB && old(50000)?.heapMiB ? src(50000).heapMiB / old(50000).heapMiB : undefined,
      '≤ 1.0×',
      (v) => v <= 1.0,
    ),
    target('per-keystroke search+render p95 (element, worker)', 10000, element10?.stats.p95, '≤ 10 ms', (v) => v <= 10),
    target('per-keystroke search+render p95 (element, worker)', 50000, element50?.stats.p95, '≤ 16 ms', (v) => v <= 16),
    target(
      'plain Fuse p95 ÷ our search p95 (on the page)',
      10000,
      engine10 && fuse10 ? fuse10.stats.p95 / engine10.stats.p95 : undefined,
      '≥ 20×',
      (v) => v >= 20,
    ),
    target(
      'plain Fuse p95 ÷ our search p95 (worker round trip)',
      10000,
      worker10 && fuse10 ? fuse10.stats.p95 / worker10.stats.p95 : undefined,
      '≥ 20×',
      (v) => v >= 20,
    ),
    target('longest main-thread task while typing (element)', 50000, element50?.longTaskMaxMs, '≤ 50 ms', (v) => v <= 50),
    target('longest keystroke while typing (own measure)', 50000, element50?.stats.max, '≤ 50 ms', (v) => v <= 50),
    target(
      'index build off the main thread: longest main-thread task meanwhile (worker)',
      10000,
      worker10?.buildLongestTaskMs,
      '≤ 50 ms',
      (v) => v <= 50,
    ),
    target('index build until ready on the page (fallback, sliced)', 10000, engine10?.buildMs, '≤ 100 ms', (v) => v <= 100),
    target('longest main-thread task while building (worker)', 50000, at(50000, 'worker')?.buildLongestTaskMs, '≤ 50 ms', (v) => v <= 50),
    target('longest main-thread task while building (page fallback)', 50000, at(50000, 'engine')?.buildLongestTaskMs, '≤ 50 ms', (v) => v <= 50),
    target('filters, 10,000 distinct values: longest task while loading', FACETS_N, at(FACETS_N, 'facets')?.loadLongestTaskMs, '≤ 50 ms', (v) => v <= 50),
    target('filters, 10,000 distinct values: longest task per click, Show all or narrowing', FACETS_N, at(FACETS_N, 'facets')?.actionLongestTaskMs, '≤ 50 ms', (v) => v <= 50),
    target(
      `first cards after items are set (median of ${CARDS_RUNS} cold pages)`,
      1000,
      at(1000, 'cards')?.median ?? at(1000, 'element')?.firstCardsMs,
      '≤ 100 ms',
      (v) => v <= 100,
    ),
  ];
}

// ---- printing -----------------------------------------------------------------------------

function formatReport(report) {
  const sizesRun = Object.keys(report.sizes).map(Number);
  const out = [];
  out.push(
    `\ncase-study-finder bench — ${report.date.slice(0, 16).replace('T', ' ')} UTC, Chromium ${report.chromium}, ` +
      `${report.machine.cores} cores (${report.machine.cpu ?? 'unknown CPU'}), Fuse ${report.fuseVersion}\n`,
  );

  const { cores, loadAverage } = report.machine;
  // Only the load before the run says something else was busy: the run itself (Fuse at 50,000,
  // the worker beside the page) keeps both cores busy, so the load after is mostly its own.
  if (loadAverage.before > cores * 0.75) {
    out.push(
      `⚠ The machine was busy (1-minute load ${loadAverage.before} before, ${loadAverage.after} after, on ${cores} cores): ` +
        'timings are inflated and outliers may be noise. Rerun on a quiet machine before comparing.\n',
    );
  }
  if (report.byAddress) out.push(formatLoading(report.byAddress, report.options));
  out.push('Engine, search only: createSearcher (on the page / in the worker) vs plain Fuse (ignoreLocation, threshold 0.3), same keystrokes');
  out.push(
    table(
      ['N', 'vocab', 'parse', 'build', 'build task', 'key med', 'key p95', 'key max', 'Fuse build', 'Fuse med', 'Fuse p95', 'Fuse keys', 'p95 ratio'],
      sizesRun.map((n) => {
        const e = report.sizes[n].engine;
        const f = report.sizes[n].fuse;
        return [
          int(n),
          e ? int(e.vocabulary) : '–',
          e ? ms(e.parseMs) : '–',
          e ? ms(e.buildMs) : '–',
          e ? (e.buildLongestTaskMs ? ms(e.buildLongestTaskMs) : '< 50 ms') : '–',
          e ? ms(e.stats.median) : '–',
          e ? ms(e.stats.p95) : '–',
          e ? ms(e.stats.max) : '–',
          f ? ms(f.buildMs) : '–',
          f ? ms(f.stats.median) : '–',
          f ? ms(f.stats.p95) : '–',
          f ? `${f.sampled}/${f.planned}${f.sampled < f.planned ? '*' : ''}` : '–',
          e && f && e.stats.p95 > 0 ? `${(f.stats.p95 / e.stats.p95).toFixed(0)}×` : '–',
        ];
      }),
    ),
  );
  for (const n of sizesRun) {
    const f = report.sizes[n].fuse;
    if (f?.sampleNote) out.push(`  * Fuse at ${int(n)}: ${f.sampleNote}.`);
  }
  const workerSizes = sizesRun.filter((n) => report.sizes[n].worker);
  if (workerSizes.length) {
    out.push('\nThe same index in the worker (the bundle run as its own worker): build until ready, keystroke = round trip');
    out.push(
      table(
        ['N', 'build', 'warm builds', 'main-thread task', 'key med', 'key p95', 'key max', 'Fuse p95 ÷ p95'],
        workerSizes.map((n) => {
          const w = report.sizes[n].worker;
          const f = report.sizes[n].fuse;
          return [
            int(n),
            ms(w.buildMs),
            w.warmBuildMs.map(ms).join(', '),
            w.buildLongestTaskMs ? ms(w.buildLongestTaskMs) : '< 50 ms',
            ms(w.stats.median),
            ms(w.stats.p95),
            ms(w.stats.max),
            f && w.stats.p95 > 0 ? `${(f.stats.p95 / w.stats.p95).toFixed(0)}×` : '–',
          ];
        }),
      ),
    );
  }

  out.push('\nElement <case-study-finder> from dist/case-study-finder.js: loading, then search + filter + render per keystroke');
  out.push(
    table(
      ['N', 'first cards', 'longest task', 'search ready', 'key med', 'key p95', 'key max', 'clear box max', 'long tasks', 'longest task'],
      sizesRun.map((n) => {
        const el = report.sizes[n].element;
        if (!el) return [int(n), '–', '–', '–', '–', '–', '–', '–', '–', '–'];
        const cards = report.sizes[n].cards;
        return [
          int(n),
          cards ? `${ms(cards.median)} (${ms(cards.min)}–${ms(cards.max)})` : ms(el.firstCardsMs),
          el.loadLongestTaskMs ? ms(el.loadLongestTaskMs) : '< 50 ms',
          ms(el.searchReadyMs),
          ms(el.stats.median),
          ms(el.stats.p95),
          ms(el.stats.max),
          ms(Math.max(...el.clears.map((c) => c.ms))),
          el.longTasksSupported ? String(el.longTasks.length) : 'n/a',
          el.longTasksSupported ? ms(el.longTaskMaxMs) : 'n/a',
        ];
      }),
    ),
  );
  out.push(
    `  (first cards: median and range of ${CARDS_RUNS} fresh pages up to ${int(CARDS_MAX_N)} items, else one, then the longest task meanwhile;\n` +
      '   search ready: a first query after the cards and a 600 ms reading pause, until answered; long tasks while typing:\n' +
      '   only tasks over 50 ms are reported by the browser; "clear box" = emptying the search box between queries)',
  );

  const facets = report.sizes[FACETS_N]?.facets;
  if (facets) {
    out.push(`\nFilters with ${int(facets.distinct)} distinct topics (one per item): first cards, then each action until drawn`);
    out.push(
      table(
        ['action', 'drawn after', 'longest task'],
        [['load (first cards)', ms(facets.firstCardsMs), facets.loadLongestTaskMs ? ms(facets.loadLongestTaskMs) : '< 50 ms'], ...facets.actions.map((a) => [a.action, ms(a.ms), a.longestTaskMs ? ms(a.longestTaskMs) : '< 50 ms'])],
        ['left'],
      ),
    );
  }

  out.push('\nTargets');
  for (const t of report.targets) {
    const mark = t.pass === null ? '–' : t.pass ? '✓' : '✗';
    const value =
      t.value === undefined
        ? `not run (needs N = ${int(t.n)})`
        : t.limit.includes('×')
          ? `${t.value.toFixed(1)}×`
          : t.limit.includes('µs')
            ? `${t.value.toFixed(1)} µs`
            : ms(t.value);
    out.push(`  ${mark} ${t.name} at ${int(t.n)}: ${value} (target ${t.limit})`);
  }

  const typed = report.sizes[sizesRun[0]]?.engine ?? report.sizes[sizesRun[0]]?.element;
  if (!typed) return `${out.join('\n')}\n`;
  out.push('\nResults for each whole query (ours / plain Fuse; element count in brackets)');
  const queries = [...new Set(typed.keystrokes.map((k) => k.query))];
  out.push(
    table(
      ['query', ...sizesRun.map(int)],
      queries.map((query) => [
        query,
        ...sizesRun.map((n) => {
          const { engine, fuse, element } = report.sizes[n];
          const ours = engine?.keystrokes.find((k) => k.text === query && !k.repeat)?.hits;
          const theirs = fuse?.keystrokes.find((k) => k.text === query)?.hits;
          const shown = element?.keystrokes.find((k) => k.text === query)?.hits;
          return `${ours ?? '–'} / ${theirs ?? '–'}${shown === undefined ? '' : ` [${shown}]`}`;
        }),
      ]),
      ['left'],
    ),
  );

  const empty = [];
  for (const n of sizesRun) {
    for (const k of report.sizes[n].engine?.keystrokes ?? []) {
      if (k.hits === 0 && !k.repeat) empty.push(`"${k.text}" at ${int(n)}`);
    }
  }
  if (empty.length) out.push(`\n⚠ Our engine found nothing for: ${empty.join(', ')}`);

  out.push('\nSlowest keystrokes (text typed so far → results)');
  for (const n of sizesRun) {
    for (const phase of ['engine', 'worker', 'element', 'fuse']) {
      const result = report.sizes[n][phase];
      if (!result) continue;
      const slowest = [...result.keystrokes].sort((a, b) => b.ms - a.ms).slice(0, 5);
      const list = slowest.map((k) => `${ms(k.ms)} "${k.text}"${k.repeat ? ' (repeat)' : ''} → ${int(k.hits)}`).join(', ');
      out.push(`  ${int(n).padStart(6)} ${phase.padEnd(7)} ${list}`);
    }
    const el = report.sizes[n].element;
    if (el?.longTasks.length) {
      const tasks = [...el.longTasks].sort((a, b) => b.duration - a.duration).slice(0, 5);
      out.push(`  ${int(n).padStart(6)} long    ${tasks.map((t) => `${ms(t.duration)} during ${t.during ?? 'a pause'}`).join(', ')}`);
    }
  }
  out.push(
    '\nKeystroke stats leave out texts already typed earlier in the run (answered from cache); the slowest lists include them.',
  );
  return `${out.join('\n')}\n`;
}

/** The loading tables: where the time goes from the request, old code beside new. */
function formatLoading({ src, throttled, validate, feedSizes }, options) {
  const out = [];
  const sizesRun = Object.keys(src).map(Number);
  const cell = (value, unit = 'ms') => (value === undefined ? '–' : unit === 'ms' ? ms(value) : unit === 'MiB' ? `${value.toFixed(0)} MiB` : String(value));
  const milestones = [
    ['answer (headers)', (r) => r.responseMs],
    ['last byte (transfer + gunzip)', (r) => r.lastByteMs],
    ['  decode, CPU in all', (r) => r.decodeMs],
    ['  JSON.parse, CPU in all', (r) => r.parseMs],
    ['checked + filters + first order (csf-load)', (r) => r.loadMs],
    ['first cards', (r) => r.firstCardsMs],
    ['search ready (first query answered)', (r) => r.searchReadyMs],
    ['longest main-thread task (trace)', (r) => r.longestTaskMs],
    ['  tasks over 50 ms (trace)', (r) => r.tasksOver50, 'n'],
    ['heap, page + worker', (r) => r.heapMiB, 'MiB'],
  ];
  if (sizesRun.length) {
    out.push(
      `Loading a feed by its address (src), gzipped from a local server: old = ${options.old}, new = this code; ` +
        `median of ${options.srcRuns} fresh pages each (longest task: the worst), ms from the request`,
    );
    for (const feed of ['plain', 'newest']) {
      out.push(feed === 'plain' ? '\nA feed in any order (the generated one):' : '\nThe same items newest first, with "order": "newest" (as convert writes them):');
      out.push(
        table(
          ['', ...sizesRun.flatMap((n) => [`${int(n)} old`, 'new'])],
          milestones.map(([label, get, unit]) => [label, ...sizesRun.flatMap((n) => ['old', 'new'].map((bundle) => cell(get(src[n][feed][bundle]), unit)))]),
          ['left'],
        ),
      );
    }
  }
  const throttledRun = Object.keys(throttled).map(Number);
  for (const n of throttledRun) {
    const t = throttled[n];
    out.push(`\nOver a 9 Mbit/s line (40 ms latency), ${int(n)} items: ms from the request`);
    out.push(
      table(
        ['', 'any order, old', 'new', 'newest first, old', 'new'],
        milestones
          .filter(([label]) => !label.startsWith('  ') && !label.startsWith('heap'))
          .map(([label, get, unit]) => [label, cell(get(t.plain.old), unit), cell(get(t.plain.new), unit), cell(get(t.newest.old), unit), cell(get(t.newest.new), unit)]),
        ['left'],
      ),
    );
  }
  const validated = Object.keys(validate).map(Number);
  if (validated.length) {
    out.push('\nValidation (parseFeed), µs an item, best of three: all at once (the items property) / 500 at a time (as a feed arrives)');
    out.push(
      table(
        ['N', 'old', 'new', 'old ÷ new'],
        validated.map((n) => {
          const { old, new: now } = validate[n];
          return [int(n), `${old.whole.toFixed(1)} / ${old.batches.toFixed(1)}`, `${now.whole.toFixed(1)} / ${now.batches.toFixed(1)}`, `${(old.batches / now.batches).toFixed(1)}×`];
        }),
      ),
    );
  }
  const sized = Object.keys(feedSizes ?? {}).map(Number);
  if (sized.length) {
    out.push('\nFeed sizes (the generated items, written as convert writes them): bytes an item');
    out.push(
      table(
        ['N', 'file', 'JSON', 'gzip -6', 'brotli 5', 'brotli 11'],
        sized.map((n) => {
          const f = feedSizes[n];
          const per = (bytes) => (bytes === undefined ? '–' : `${Math.round(bytes / n)} B`);
          return [int(n), `${(f.bytes / 2 ** 20).toFixed(1)} MiB`, per(f.bytes), per(f.gzip6), per(f.brotli5), per(f.brotli11)];
        }),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

function table(headers, rows, align = []) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    '  ' +
    cells.map((c, i) => (align[i] === 'left' ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

function ms(value) {
  if (value === undefined || Number.isNaN(value)) return '–';
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

function round(value) {
  return Math.round(value * 100) / 100;
}

function int(value) {
  return Number(value).toLocaleString('en-GB');
}
