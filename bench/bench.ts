import Fuse from 'fuse.js';
import type { CaseStudyFinder } from '../src/index.js';
import { parseFeed, type CaseStudy } from '../src/lib/feed.js';
import { toSearchDoc } from '../src/lib/search-doc.js';
import { createSearcher, useWorker, type Searcher } from '../src/browser/searcher.js';
import { terms } from '../src/lib/text.js';
import { generateFeed, QUERIES } from './generate.js';

/**
 * The benchmark page. Each load runs one phase for one feed size and hands the numbers to
 * `window.benchReport` (exposed by scripts/bench.mjs). A fresh page per phase keeps one phase's
 * caches, JIT warm-up and garbage from flattering or penalising the next.
 *
 *   index.html?n=10000&phase=element   <case-study-finder> from the shipped bundle
 *                                      (dist/case-study-finder.js, copied beside this page):
 *                                      first cards, typing, long tasks; over 2,000 items it
 *                                      searches in its worker, as on a council's page
 *   index.html?n=1000&phase=cards      the element's first cards only (run several times)
 *   index.html?n=10000&phase=engine    createSearcher on the page (the fallback when a page
 *                                      refuses the worker): build, per-keystroke search
 *   index.html?n=10000&phase=worker    createSearcher with the bundle as its worker: build
 *                                      until ready, per-keystroke round trip
 *   index.html?n=10000&phase=fuse      plain Fuse over the items: build, per-keystroke search
 *   index.html?n=10000&phase=facets    the element with N distinct topics (one per item, plus a
 *                                      few shared): longest task on load, per chip click, on
 *                                      "Show all" and while narrowing the group with its box
 *   index.html?n=10000&phase=src&bundle=old&feed=plain
 *                                      the element loading feeds/N-plain.json by address, as a
 *                                      visitor waits for it: from the request to the response,
 *                                      the last byte, csf-load, the first cards and a first query
 *                                      answered; CPU spent decoding and in JSON.parse; the heap of
 *                                      the page and its worker. `bundle=old` loads the code before
 *                                      this change (built by scripts/bench.mjs into old/);
 *                                      `feed=newest` is the same items newest first, promised.
 *   index.html?n=50000&phase=validate  parseFeed, old and new, over the same items: all at once
 *                                      (the items property) and 500 at a time (as items arrive)
 */

export type Phase = 'element' | 'cards' | 'engine' | 'worker' | 'fuse' | 'facets' | 'src' | 'validate';

/** The shipped bundle, copied beside the bench page by scripts/bench.mjs. */
const BUNDLE = new URL('./case-study-finder.js', location.href).href;

/** One simulated keystroke: the box holds `text` while typing `query`. */
export interface Keystroke {
  query: string;
  text: string;
  ms: number;
  hits: number;
  /** The same text was typed earlier in the run (a cache may answer it): left out of stats. */
  repeat: boolean;
}

export interface Stats {
  count: number;
  median: number;
  p95: number;
  max: number;
}

export interface LongTask {
  start: number;
  duration: number;
  /** The keystroke (or clear) running when the task started, if any. */
  during?: string;
}

export interface ElementResult {
  phase: 'element';
  n: number;
  generateMs: number;
  /** From setting `items` to `updateComplete` (parse, index, filter, render). */
  itemsUpdateMs: number;
  /** From setting `items` to the first `[part~="card"]` in the frame after `updateComplete`. */
  firstCardsMs: number;
  /** Longest main-thread task from setting `items` to the first cards (0 = none over 50 ms). */
  loadLongestTaskMs: number;
  /** After the first cards and a reading pause: how long a first query still waited for the index. */
  searchReadyMs: number;
  keystrokes: Keystroke[];
  stats: Stats;
  /** Emptying the box between queries: the whole feed comes back, sorted by date. */
  clears: Keystroke[];
  longTasksSupported: boolean;
  longTasks: LongTask[];
  longTaskMaxMs: number;
}

export interface EngineResult {
  phase: 'engine' | 'worker';
  n: number;
  generateMs: number;
  parseMs: number;
  /** The first `createSearcher` in a fresh page: cold JIT and caches, as on a real page. */
  buildMs: number;
  /** Longest main-thread task while building (only tasks over 50 ms are reported; 0 = none). */
  buildLongestTaskMs: number;
  /** Two more builds of the same items, for comparison over time. */
  warmBuildMs: number[];
  /** Distinct folded words in the searchable text. */
  vocabulary: number;
  keystrokes: Keystroke[];
  stats: Stats;
}

export interface FuseResult {
  phase: 'fuse';
  n: number;
  generateMs: number;
  buildMs: number;
  keystrokes: Keystroke[];
  stats: Stats;
  /** Unique keystrokes in the plan and how many were measured (Fuse at 50k is ~3 s each). */
  planned: number;
  sampled: number;
  sampleNote: string;
}

export interface CardsResult {
  phase: 'cards';
  n: number;
  /** From setting `items` to the first `[part~="card"]` in the frame after `updateComplete`. */
  firstCardsMs: number;
}

export interface FacetsResult {
  phase: 'facets';
  n: number;
  /** Distinct topics in the feed. */
  distinct: number;
  firstCardsMs: number;
  /** Longest main-thread task from setting `items` to the first cards (0 = none over 50 ms). */
  loadLongestTaskMs: number;
  /** Each interaction: how long until drawn, and its longest task (0 = none over 50 ms). */
  actions: Array<{ action: string; ms: number; longestTaskMs: number }>;
  /** Longest task over all the interactions. */
  actionLongestTaskMs: number;
}

export interface SrcResult {
  phase: 'src';
  n: number;
  bundle: 'old' | 'new';
  feed: 'plain' | 'newest';
  /** performance.now() at the `bench:start` mark, to place the trace's tasks. */
  markNow: number;
  /** Milliseconds from the request: its answer (headers), first and last byte of the body. */
  responseMs: number;
  firstByteMs?: number;
  lastByteMs: number;
  /** CPU time decoding the body and in JSON.parse, in all, and when the last JSON.parse ended. */
  decodeMs: number;
  parseMs: number;
  parseEndMs: number;
  /** csf-load: the feed checked and its filters and first order prepared. */
  loadMs: number;
  firstCardsMs: number;
  /** A query typed once the feed is shown ("library"), answered. */
  searchReadyMs: number;
  /** The page's and its workers' heap once searching is ready, MiB (measureUserAgentSpecificMemory). */
  heapMiB?: number;
  /** When the window ended, from the request, for the trace. */
  endMs: number;
  requestNow: number;
}

export interface ValidateResult {
  phase: 'validate';
  n: number;
  /** µs an item, best of three: all the items at once, and 500 at a time. */
  old: { whole: number; batches: number };
  new: { whole: number; batches: number };
}

export type PhaseResult = ElementResult | EngineResult | FuseResult | CardsResult | FacetsResult | SrcResult | ValidateResult;

declare global {
  interface Window {
    benchReport?: (json: string) => Promise<void>;
  }
}

/** The exact options the issue compares against. */
export const FUSE_OPTIONS = {
  keys: ['title', 'summary', 'organisation', 'topics', 'supportTypes', 'keywords'],
  ignoreLocation: true,
  threshold: 0.3,
};

// A fast typist: the next key comes ~30 ms after the page has caught up with the last one.
const GAP_MS = 30;
// Between queries the visitor reads the results, long enough for the pause announcement.
const READ_MS = 600;

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 1000);
const phase = (params.get('phase') ?? 'engine') as Phase;
const fuseMax = Number(params.get('fuseMax') ?? (n >= 50_000 ? 10 : Infinity));
const fuseBudgetMs = Number(params.get('fuseBudgetMs') ?? 90_000);

void main();

async function main(): Promise<void> {
  let result: PhaseResult | { error: string };
  try {
    result =
      phase === 'src'
        ? await runSrc()
        : phase === 'validate'
        ? await runValidate()
        : phase === 'element'
        ? await runElement()
        : phase === 'cards'
          ? await runCards()
          : phase === 'facets'
          ? await runFacets()
          : phase === 'fuse'
          ? await runFuse()
          : await runEngine(phase === 'worker');
  } catch (error) {
    result = { error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  if (window.benchReport) await window.benchReport(JSON.stringify(result));
  else console.log(result);
}

function generate(): { raw: ReturnType<typeof generateFeed>; generateMs: number } {
  const start = performance.now();
  const raw = generateFeed(n);
  return { raw, generateMs: performance.now() - start };
}

/** Every prefix of every query, in typing order, with repeats marked. */
function plan(): Array<Omit<Keystroke, 'ms' | 'hits'>> {
  const seen = new Set<string>();
  return QUERIES.flatMap((query) =>
    [...query].map((_, at) => {
      const text = query.slice(0, at + 1);
      const repeat = seen.has(text);
      seen.add(text);
      return { query, text, repeat };
    }),
  );
}

// ---- (a) our engine, on the page or in the worker ---------------------------------------

async function runEngine(inWorker: boolean): Promise<EngineResult> {
  const label = inWorker ? 'worker' : 'engine';
  const { raw, generateMs } = generate();
  let start = performance.now();
  const { items } = parseFeed(raw);
  const parseMs = performance.now() - start;
  log(`${label} n=${n}: generated in ${ms(generateMs)}, parsed in ${ms(parseMs)}`);
  let workersStarted = 0;
  if (inWorker) {
    if (n <= 2000) throw new Error('the worker phase needs more than 2,000 items (smaller feeds stay on the page)');
    useWorker(BUNDLE, 'module');
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        workersStarted++;
      }
    };
  }
  await idle();

  // The build runs in slices (on the page) or in the worker, so "build" runs until the index
  // answers its first query, and the longest main-thread task meanwhile is recorded beside it.
  const buildTasks = new PerformanceObserver(() => {});
  const buildEntries: PerformanceEntry[] = [];
  const longTasksSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
  if (longTasksSupported) buildTasks.observe({ type: 'longtask' });
  start = performance.now();
  let searcher: Searcher = createSearcher(items);
  await searcher.search('a');
  const buildMs = performance.now() - start;
  buildEntries.push(...buildTasks.takeRecords());
  buildTasks.disconnect();
  const buildLongestTaskMs = buildEntries.reduce((max, entry) => Math.max(max, entry.duration), 0);
  if (inWorker && workersStarted !== 1) throw new Error(`expected one worker, ${workersStarted} started`);
  const warmBuildMs: number[] = [];
  for (let i = 0; i < 2; i++) {
    await idle();
    searcher.stop();
    start = performance.now();
    searcher = createSearcher(items);
    await searcher.search('a');
    warmBuildMs.push(performance.now() - start);
  }
  log(`${label} n=${n}: build ${ms(buildMs)} (warm ${warmBuildMs.map(ms).join(', ')})`);
  await idle();

  const keystrokes: Keystroke[] = [];
  for (const step of plan()) {
    start = performance.now();
    const result = await searcher.search(step.text);
    const took = performance.now() - start;
    keystrokes.push({ ...step, ms: took, hits: result.indices.length });
    // Let the event loop breathe as it would between real keystrokes.
    await sleep(0);
  }
  searcher.stop();
  const stats = summarise(keystrokes);
  log(`${label} n=${n}: keystroke median ${ms(stats.median)}, p95 ${ms(stats.p95)}, max ${ms(stats.max)}`);
  return {
    phase: inWorker ? 'worker' : 'engine',
    n,
    generateMs,
    parseMs,
    buildMs,
    buildLongestTaskMs,
    warmBuildMs,
    vocabulary: countVocabulary(items),
    keystrokes,
    stats,
  };
}

function countVocabulary(items: readonly CaseStudy[]): number {
  const vocabulary = new Set<string>();
  for (const item of items) for (const field of toSearchDoc(item)) for (const term of terms(field)) vocabulary.add(term);
  return vocabulary.size;
}

// ---- (b) plain Fuse ---------------------------------------------------------------------

async function runFuse(): Promise<FuseResult> {
  const { raw, generateMs } = generate();
  const { items } = parseFeed(raw);
  await idle();
  let start = performance.now();
  const fuse = new Fuse(items, FUSE_OPTIONS);
  const buildMs = performance.now() - start;
  log(`fuse n=${n}: build ${ms(buildMs)}`);

  const unique = plan().filter((step) => !step.repeat);
  const chosen = spread(unique, fuseMax);
  const keystrokes: Keystroke[] = [];
  const began = performance.now();
  for (const step of chosen) {
    if (performance.now() - began > fuseBudgetMs) break;
    await sleep(0);
    start = performance.now();
    const hits = fuse.search(step.text).length;
    keystrokes.push({ ...step, ms: performance.now() - start, hits });
  }
  const stats = summarise(keystrokes);
  const sampled = keystrokes.length;
  let sampleNote = '';
  if (sampled < unique.length) {
    sampleNote =
      sampled < chosen.length
        ? `stopped after ${sampled} of ${unique.length} keystrokes (time budget ${fuseBudgetMs / 1000} s)`
        : `sampled ${sampled} of ${unique.length} keystrokes, spread evenly across the queries (~${ms(stats.median)} each)`;
  }
  log(`fuse n=${n}: keystroke median ${ms(stats.median)}, p95 ${ms(stats.p95)} over ${sampled}`);
  return { phase: 'fuse', n, generateMs, buildMs, keystrokes, stats, planned: unique.length, sampled, sampleNote };
}

/** At most `count` entries, evenly spaced from first to last. */
function spread<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  if (count <= 1) return list.slice(0, Math.max(0, count));
  return Array.from({ length: count }, (_, i) => list[Math.round((i * (list.length - 1)) / (count - 1))]!);
}

// ---- (c) + (d) the element ---------------------------------------------------------------

/** Sets the generated feed on a new element from the shipped bundle and waits for its first cards. */
async function showFirstCards(feed = generate()) {
  const { raw, generateMs } = feed;
  await import(/* @vite-ignore */ BUNDLE);
  const el = document.createElement('case-study-finder') as CaseStudyFinder;
  document.querySelector('#stage')!.append(el);
  await el.updateComplete;

  // Record when each update finishes, so that an answer arriving later (from the worker) still
  // counts towards the keystroke that asked for it.
  const times = { lastUpdated: 0 };
  const hooks = el as unknown as { updated: (changed: unknown) => void };
  const ownUpdated = hooks.updated.bind(el);
  hooks.updated = (changed) => {
    ownUpdated(changed);
    times.lastUpdated = performance.now();
  };
  const root = el.shadowRoot!;
  await idle();

  const loadTasks = new PerformanceObserver(() => {});
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) loadTasks.observe({ type: 'longtask' });
  const start = performance.now();
  el.items = raw;
  await el.updateComplete;
  const itemsUpdateMs = performance.now() - start;
  const deadline = start + 60_000;
  for (;;) {
    await nextFrame();
    if (root.querySelector('[part~="card"]')) break;
    if (performance.now() > deadline) throw new Error('no [part~="card"] within 60 s of setting items');
  }
  const firstCardsMs = performance.now() - start;
  const loadLongestTaskMs = loadTasks.takeRecords().reduce((max, entry) => Math.max(max, entry.duration), 0);
  loadTasks.disconnect();
  log(`element n=${n}: first cards ${ms(firstCardsMs)} (updateComplete ${ms(itemsUpdateMs)}, longest task ${ms(loadLongestTaskMs)})`);
  return { el, root, times, generateMs, itemsUpdateMs, firstCardsMs, loadLongestTaskMs };
}

/** First cards alone, in a fresh page: run several times, since one cold start is noisy. */
async function runCards(): Promise<CardsResult> {
  const { firstCardsMs } = await showFirstCards();
  return { phase: 'cards', n, firstCardsMs };
}

async function runElement(): Promise<ElementResult> {
  const { el, root, times, generateMs, itemsUpdateMs, firstCardsMs, loadLongestTaskMs } = await showFirstCards();
  let start: number;
  const input = root.querySelector<HTMLInputElement>('[part~="search-input"]');
  if (!input) throw new Error('no [part~="search-input"] in the shadow root');
  await sleep(READ_MS);

  const longTasksSupported = PerformanceObserver.supportedEntryTypes.includes('longtask');
  const longEntries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => longEntries.push(...list.getEntries()));
  if (longTasksSupported) observer.observe({ type: 'longtask' });

  /**
   * Types `text` and waits until the element has caught up: search, filter and render,
   * including an answer that comes later from the worker and, while a large feed is still
   * being indexed, the wait for the index ("Searching…").
   */
  const type = async (text: string): Promise<{ took: number; hits: number }> => {
    const began = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    let end = performance.now();
    await sleep(GAP_MS);
    while (el.isUpdatePending || readCount(root) === SEARCHING) await (el.isUpdatePending ? el.updateComplete : sleep(5));
    if (times.lastUpdated > end) end = times.lastUpdated;
    return { took: end - began, hits: readCount(root) };
  };

  // The index of a large feed is built while the visitor reads the first cards; a first query
  // before it is ready waits for it. Measured once here, so that typing measures the search.
  const searchReadyMs = (await type('q')).took;
  await type('');
  log(`element n=${n}: search ready ${ms(searchReadyMs)} after the reading pause`);

  const keystrokes: Keystroke[] = [];
  const clears: Keystroke[] = [];
  const windows: Array<{ start: number; end: number; label: string }> = [];
  const steps = plan();
  for (const query of QUERIES) {
    start = performance.now();
    const cleared = await type('');
    clears.push({ query, text: '', ms: cleared.took, hits: cleared.hits, repeat: false });
    windows.push({ start, end: start + cleared.took, label: `clear before "${query}"` });
    for (const step of steps.filter((s) => s.query === query)) {
      start = performance.now();
      const { took, hits } = await type(step.text);
      keystrokes.push({ ...step, ms: took, hits });
      windows.push({ start, end: start + took, label: `"${step.text}"` });
    }
    await sleep(READ_MS);
  }

  longEntries.push(...observer.takeRecords());
  observer.disconnect();
  const longTasks: LongTask[] = longEntries.map((entry) => ({
    start: entry.startTime,
    duration: entry.duration,
    during: windows.find((w) => entry.startTime >= w.start - 1 && entry.startTime <= w.end)?.label,
  }));
  const stats = summarise(keystrokes);
  const longTaskMaxMs = longTasks.reduce((max, task) => Math.max(max, task.duration), 0);
  log(
    `element n=${n}: keystroke median ${ms(stats.median)}, p95 ${ms(stats.p95)}, max ${ms(stats.max)}; ` +
      `${longTasks.length} long task(s), max ${ms(longTaskMaxMs)}`,
  );
  el.remove();
  return {
    phase: 'element',
    n,
    generateMs,
    itemsUpdateMs,
    firstCardsMs,
    loadLongestTaskMs,
    searchReadyMs,
    keystrokes,
    stats,
    clears,
    longTasksSupported,
    longTasks,
    longTaskMaxMs,
  };
}

// ---- (e) filters with N distinct values ---------------------------------------------------

async function runFacets(): Promise<FacetsResult> {
  const generated = generate();
  const shared = ['Libraries', 'Early years', 'Sport', 'Heritage', 'Youth services'];
  generated.raw.forEach((item, at) => {
    item.topics = [`Topic ${String(at).padStart(5, '0')}`, shared[at % shared.length]!];
  });
  const { el, root, firstCardsMs, loadLongestTaskMs } = await showFirstCards(generated);
  await sleep(READ_MS);
  const observer = new PerformanceObserver(() => {});
  observer.observe({ type: 'longtask' });
  const actions: FacetsResult['actions'] = [];
  const act = async (action: string, run: () => void) => {
    observer.takeRecords();
    const start = performance.now();
    run();
    await el.updateComplete;
    await nextFrame();
    const took = performance.now() - start;
    const longestTaskMs = observer.takeRecords().reduce((max, entry) => Math.max(max, entry.duration), 0);
    actions.push({ action, ms: took, longestTaskMs });
    await idle();
  };
  const group = () => root.querySelector('[part~="filter-group"]')!;
  const chips = () => [...group().querySelectorAll<HTMLButtonElement>('[part~="chip"]')];
  for (const at of [0, 1, 0, 2]) {
    const chip = chips()[at]!;
    await act(`click "${chip.querySelector('.chip-label')!.textContent}"`, () => chip.click());
  }
  await act('Show all', () => group().querySelector<HTMLButtonElement>('[part~="show-all"]')!.click());
  const box = group().querySelector<HTMLInputElement>('[part~="filter-search"]')!;
  for (const text of ['t', 'to', 'top', 'topic 0', 'topic 09', 'topic 099']) {
    await act(`narrow "${text}"`, () => {
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
  }
  observer.disconnect();
  const actionLongestTaskMs = actions.reduce((max, a) => Math.max(max, a.longestTaskMs), 0);
  log(`facets n=${n}: first cards ${ms(firstCardsMs)} (longest task ${ms(loadLongestTaskMs)}); longest task per action ${ms(actionLongestTaskMs)}`);
  el.remove();
  return { phase: 'facets', n, distinct: n + shared.length, firstCardsMs, loadLongestTaskMs, actions, actionLongestTaskMs };
}

// ---- (f) loading by address, old code and new ------------------------------------------

async function runSrc(): Promise<SrcResult> {
  const bundle = params.get('bundle') === 'old' ? 'old' : 'new';
  const feed = params.get('feed') === 'newest' ? 'newest' : 'plain';
  const url = `./feeds/${n}-${feed}.json`;
  const t = { request: 0, response: 0, firstByte: 0, lastByte: 0, decode: 0, parse: 0, parseEnd: 0 };
  // Watched from outside, so the old code and the new are measured alike.
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    const ours = String(input).includes('/feeds/');
    if (ours) t.request = performance.now();
    const response = await realFetch(input, init);
    if (ours) t.response = performance.now();
    return response;
  };
  const arrayBuffer = Response.prototype.arrayBuffer;
  Response.prototype.arrayBuffer = async function (this: Response) {
    const bytes = await arrayBuffer.call(this);
    t.lastByte = performance.now();
    return bytes;
  };
  const read = ReadableStreamDefaultReader.prototype.read;
  ReadableStreamDefaultReader.prototype.read = async function (this: ReadableStreamDefaultReader) {
    const chunk = await read.call(this);
    if (!t.firstByte) t.firstByte = performance.now();
    if (chunk.done) t.lastByte = performance.now();
    return chunk;
  } as typeof read;
  const decode = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function (this: TextDecoder, ...args: Parameters<typeof decode>) {
    const start = performance.now();
    const text = decode.apply(this, args);
    t.decode += performance.now() - start;
    return text;
  };
  const parse = JSON.parse;
  JSON.parse = (...args: Parameters<typeof parse>) => {
    const start = performance.now();
    const value = parse(...args) as unknown;
    t.parseEnd = performance.now();
    t.parse += t.parseEnd - start;
    return value;
  };

  await import(/* @vite-ignore */ bundle === 'old' ? new URL('./old/case-study-finder.js', location.href).href : BUNDLE);
  await idle();
  await idle();
  performance.mark('bench:start');
  const markNow = performance.now();
  const el = document.createElement('case-study-finder') as CaseStudyFinder;
  el.src = url;
  let loaded = 0;
  el.addEventListener('csf-load', () => (loaded = performance.now()), { once: true });
  el.addEventListener('csf-error', (event) => log(`csf-error ${JSON.stringify((event as CustomEvent).detail.message)}`));
  document.querySelector('#stage')!.append(el);
  const root = el.shadowRoot!;
  const deadline = performance.now() + 120_000;
  let firstCards = 0;
  while (!loaded || !firstCards) {
    await nextFrame();
    if (!firstCards && root.querySelector('[part~="card"]')) firstCards = performance.now();
    if (performance.now() > deadline) throw new Error(`${url}: no csf-load or no cards within 120 s`);
  }
  await el.updateComplete;
  const box = root.querySelector<HTMLInputElement>('[part~="search-input"]')!;
  box.value = 'library';
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  for (;;) {
    await (el.isUpdatePending ? el.updateComplete : nextFrame());
    const count = readCount(root);
    if (count >= 0 && !el.isUpdatePending) break;
    if (performance.now() > deadline) throw new Error(`${url}: the first query was not answered within 120 s`);
  }
  const ready = performance.now();
  window.fetch = realFetch;
  JSON.parse = parse;
  TextDecoder.prototype.decode = decode;
  const from = (time: number) => time - t.request;
  let heapMiB: number | undefined;
  const measure = (performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> }).measureUserAgentSpecificMemory;
  if (measure && crossOriginIsolated) heapMiB = (await measure.call(performance)).bytes / 2 ** 20;
  const result: SrcResult = {
    phase: 'src',
    n,
    bundle,
    feed,
    markNow,
    requestNow: t.request,
    responseMs: from(t.response),
    firstByteMs: t.firstByte ? from(t.firstByte) : undefined,
    lastByteMs: from(t.lastByte),
    decodeMs: t.decode,
    parseMs: t.parse,
    parseEndMs: from(t.parseEnd),
    loadMs: from(loaded),
    firstCardsMs: from(firstCards),
    searchReadyMs: from(ready),
    heapMiB,
    endMs: from(ready),
  };
  log(
    `src ${bundle} ${feed} n=${n}: last byte ${ms(result.lastByteMs)}, csf-load ${ms(result.loadMs)}, first cards ${ms(result.firstCardsMs)}, ` +
      `search ready ${ms(result.searchReadyMs)}${heapMiB ? `, heap ${heapMiB.toFixed(0)} MiB` : ''}`,
  );
  return result;
}

type ParseFeed = (json: unknown) => { items: unknown[] };

/** parseFeed before and after, over the same items, in turns so a busy moment hits both. */
async function runValidate(): Promise<ValidateResult> {
  const before = ((await import(/* @vite-ignore */ new URL('./old/feed.js', location.href).href)) as { parseFeed: ParseFeed }).parseFeed;
  const after = ((await import(/* @vite-ignore */ new URL('./new/feed.js', location.href).href)) as { parseFeed: ParseFeed }).parseFeed;
  const text = JSON.stringify(generateFeed(n));
  const best = { old: { whole: Infinity, batches: Infinity }, new: { whole: Infinity, batches: Infinity } };
  for (let round = 0; round < 3; round++) {
    for (const [name, parseFeed] of [['old', before], ['new', after]] as const) {
      let items = JSON.parse(text) as unknown[];
      await idle();
      let start = performance.now();
      if (parseFeed(items).items.length !== n) throw new Error(`${name} parseFeed lost items`);
      best[name].whole = Math.min(best[name].whole, ((performance.now() - start) * 1000) / n);
      items = JSON.parse(text) as unknown[];
      await idle();
      let spent = 0;
      for (let at = 0; at < n; at += 500) {
        const part = items.slice(at, at + 500);
        start = performance.now();
        parseFeed(part);
        spent += performance.now() - start;
      }
      best[name].batches = Math.min(best[name].batches, (spent * 1000) / n);
    }
  }
  log(`validate n=${n}: µs an item, all at once / 500 at a time: old ${best.old.whole.toFixed(1)} / ${best.old.batches.toFixed(1)}, new ${best.new.whole.toFixed(1)} / ${best.new.batches.toFixed(1)}`);
  return { phase: 'validate', n, ...best };
}

const SEARCHING = -2;

/** The number in "Your search returned 1,234 results" (-1 when there is no count, SEARCHING while the index is built). */
function readCount(root: ShadowRoot): number {
  const text = root.querySelector('[part~="count"]')?.textContent ?? '';
  if (text.includes('Searching') || text.includes('Loading')) return SEARCHING;
  const digits = /\d[\d,]*/.exec(text)?.[0];
  return digits ? Number(digits.replace(/,/g, '')) : root.querySelector('[part~="empty"]') ? 0 : -1;
}

// ---- helpers -----------------------------------------------------------------------------

/** Median, p95 (nearest rank) and max over the keystrokes not repeated from earlier. */
function summarise(keystrokes: readonly Keystroke[]): Stats {
  const times = keystrokes
    .filter((k) => !k.repeat)
    .map((k) => k.ms)
    .sort((a, b) => a - b);
  const rank = (p: number) => times[Math.max(0, Math.ceil(p * times.length) - 1)] ?? 0;
  return { count: times.length, median: rank(0.5), p95: rank(0.95), max: times[times.length - 1] ?? 0 };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** A short pause so that garbage from the last step is less likely to land in the next. */
function idle(): Promise<void> {
  return sleep(50);
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function log(message: string): void {
  console.log(`[bench] ${message}`);
}
