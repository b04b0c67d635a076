import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { generateFeed } from '../bench/generate.js';
import type { CaseStudyFinder } from '../src/case-study-finder.js';
import { parseFeed } from '../src/lib/feed.js';
import { SearchIndex } from '../src/lib/search.js';
import { FIELD_WEIGHTS, toSearchDoc } from '../src/lib/search-doc.js';
import { createSearcher, SearchStopped, useWorker } from '../src/browser/searcher.js';
import { countIn, openPage, type PageReport } from './host-page.js';

/**
 * Large feeds (over 2,000 items) are indexed and searched in a worker that runs the bundle
 * itself. These tests check that the worker gives exactly the answers the page's own index
 * gives, that the built files start it under the documented CSP, and that every way a worker
 * can be refused or fail still leaves a working search.
 */
const SIZE = 3000;
const raw = generateFeed(SIZE);
const { items } = parseFeed(raw);
const reference = new SearchIndex(items.map(toSearchDoc), Object.values(FIELD_WEIGHTS));
// Typos, prefixes, two words, Welsh names, a joining word alone, nothing at all.
const QUERIES = ['library', 'libary', 'lib', 'swimming lessons', 'youth counci', 'ynys mon', 'refugee', 'the', 'qqqqzz'];

interface SpiedWorker {
  url: string;
  type: string;
  name: string;
}
type SpiedWindow = Window & { __workers: SpiedWorker[]; __terminated: number; __report: PageReport };

describe('search worker: the engine', () => {
  let started: SpiedWorker[];
  const RealWorker = window.Worker;
  beforeEach(() => {
    started = [];
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push({ url: String(url), type: options?.type ?? 'classic', name: options?.name ?? '' });
      }
    };
  });
  afterEach(() => {
    window.Worker = RealWorker;
  });

  async function expectSameAnswers(searcher: ReturnType<typeof createSearcher>): Promise<void> {
    for (const query of QUERIES) {
      const result = await searcher.search(query);
      const expected = reference.search(query);
      expect([...result.indices], query).to.deep.equal([...expected.indices]);
      expect([...result.matched].sort(), query).to.deep.equal([...expected.matched].sort());
    }
  }

  for (const [file, type] of [
    ['/dist/case-study-finder.js', 'module'],
    ['/dist/case-study-finder.iife.js', 'classic'],
  ] as const) {
    it(`answers exactly as the page's index does, from ${file}`, async () => {
      useWorker(file, type);
      const searcher = createSearcher(items);
      expect(started).to.deep.equal([{ url: file, type, name: 'case-study-finder' }]);
      expect(searcher.ready).to.equal(false);
      // An empty query needs no index: every item, in feed order, at once.
      const empty = searcher.search('  ');
      expect(empty).not.to.be.instanceOf(Promise);
      expect((empty as Awaited<typeof empty>).indices.length).to.equal(SIZE);
      await expectSameAnswers(searcher);
      expect(searcher.ready).to.equal(true);
      searcher.stop();
    });
  }

  it('keeps a modest feed on the page', async () => {
    useWorker('/dist/case-study-finder.js', 'module');
    const searcher = createSearcher(items.slice(0, 2000));
    const result = searcher.search('library');
    expect(result).not.to.be.instanceOf(Promise);
    expect(started).to.deep.equal([]);
    searcher.stop();
  });

  it('answers on the page when the worker script cannot be loaded', async () => {
    useWorker('/test-api/status/404', 'module');
    const searcher = createSearcher(items);
    expect(started.length).to.equal(1);
    await expectSameAnswers(searcher);
  });

  it('answers on the page when the worker never says hello (not our script)', async () => {
    // A script that loads but does not answer: the page gives up on it (after 10 s on a real
    // page; 300 ms here).
    useWorker('/test/pages/silent-worker.js', 'classic', 300);
    const searcher = createSearcher(items);
    const answer = searcher.search('libary');
    const expected = reference.search('libary');
    const result = await answer;
    expect([...result.indices]).to.deep.equal([...expected.indices]);
    expect(started.length).to.equal(1);
  });

  it('refuses the queries waiting for the worker when stopped, and ends the worker', async () => {
    const ended: Worker[] = [];
    const terminate = RealWorker.prototype.terminate;
    RealWorker.prototype.terminate = function (this: Worker) {
      ended.push(this);
      terminate.call(this);
    };
    try {
      useWorker('/dist/case-study-finder.js', 'module');
      const searcher = createSearcher(items);
      const waiting = ['library', 'museum', 'youth'].map((query) =>
        Promise.resolve(searcher.search(query)).then(
          () => 'answered',
          (error: unknown) => (error instanceof SearchStopped ? 'stopped' : String(error)),
        ),
      );
      searcher.stop();
      expect(await Promise.all(waiting)).to.deep.equal(['stopped', 'stopped', 'stopped']);
      expect(ended).to.have.length(1);
      const late = await Promise.resolve(searcher.search('library')).catch((error: unknown) => error);
      expect(late).to.be.instanceOf(SearchStopped);
    } finally {
      RealWorker.prototype.terminate = terminate;
    }
  });

  it('answers on the page when the page refuses to start a worker', async () => {
    window.Worker = class {
      constructor() {
        throw new DOMException('Workers are not allowed here', 'SecurityError');
      }
    } as unknown as typeof Worker;
    useWorker('/dist/case-study-finder.js', 'module');
    await expectSameAnswers(createSearcher(items));
  });
});

describe('search worker: the built files on a page', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  async function open(path: string): Promise<{ view: SpiedWindow; widget: CaseStudyFinder; root: ShadowRoot }> {
    frame = await openPage(path);
    const view = frame.contentWindow as SpiedWindow;
    await view.customElements.whenDefined('case-study-finder');
    const widget = frame.contentDocument!.querySelector('case-study-finder') as CaseStudyFinder;
    widget.items = raw;
    // The first cards come while the filters are counted ("Loading case studies…"), then the count.
    await waitUntil(() => countIn(widget) === '3,000 case studies', 'no result count', { timeout: 5000 });
    return { view, widget, root: widget.shadowRoot! };
  }

  const shownTitles = (root: ShadowRoot) => [...root.querySelectorAll('[part~="card-link"]')].map((a) => a.textContent!.trim());
  const expectedTitles = (query: string) => [...reference.search(query).indices].slice(0, 12).map((at) => items[at]!.title);

  /** Types `query` one letter at a time without waiting, as a fast typist does. */
  function type(root: ShadowRoot, query: string): void {
    const box = root.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    for (let at = 1; at <= query.length; at++) {
      box.value = query.slice(0, at);
      box.dispatchEvent(new Event('input'));
    }
  }

  async function expectSearchWorks(widget: CaseStudyFinder, root: ShadowRoot): Promise<void> {
    for (const query of ['libary', 'swimming lessons']) {
      type(root, query);
      const expected = expectedTitles(query);
      await waitUntil(
        () => JSON.stringify(shownTitles(root)) === JSON.stringify(expected),
        `the results for "${query}" never matched the page's own index`,
        { timeout: 5000 },
      );
      expect(countIn(widget)).to.equal(`Your search returned ${reference.search(query).indices.length.toLocaleString('en-GB')} results`);
    }
  }

  for (const [page, type] of [
    ['large-module', 'module'],
    ['large-classic', 'classic'],
  ] as const) {
    it(`${page}: searches in one ${type} worker running the bundle itself`, async () => {
      const { view, widget, root } = await open(`/test/pages/${page}.html`);
      expect(view.__workers.map((worker) => [worker.type, worker.name])).to.deep.equal([[type, 'case-study-finder']]);
      expect(view.__workers[0]!.url).to.match(/\/dist\/case-study-finder(\.iife\.js\?ver=0\.1\.0|\.js)$/);
      await expectSearchWorks(widget, root);
      expect(view.__report).to.deep.equal({ violations: [], errors: [] });
    });
  }

  it('once the worker is ready, typing shows the last results until the answer: no "Searching…" flicker', async () => {
    const { widget, root } = await open('/test/pages/large-module.html');
    await expectSearchWorks(widget, root);
    const counts: string[] = [];
    const watcher = new MutationObserver(() => counts.push(countIn(widget)));
    watcher.observe(root, { subtree: true, childList: true, characterData: true });
    type(root, 'museum heritage');
    await waitUntil(
      () => JSON.stringify(shownTitles(root)) === JSON.stringify(expectedTitles('museum heritage')),
      'no answer for "museum heritage"',
    );
    watcher.disconnect();
    expect(counts.filter((text) => text.includes('Searching'))).to.deep.equal([]);
  });

  it('a strict page that allows the documented policies: worker, no violation', async () => {
    const { view, widget, root } = await open('/test/pages/large-module.html?csp=strict');
    expect(view.__workers.length).to.equal(1);
    await expectSearchWorks(widget, root);
    expect(view.__report).to.deep.equal({ violations: [], errors: [] });
  });

  it('a strict page without the worker policy: searched on the page, one policy report', async () => {
    const { view, widget, root } = await open('/test/pages/large-module.html?csp=strict-without-worker-policy');
    expect(view.__workers).to.deep.equal([]);
    await expectSearchWorks(widget, root);
    expect(view.__report.errors).to.deep.equal([]);
    expect(view.__report.violations.length).to.equal(1);
    expect(view.__report.violations[0]).to.match(/^trusted-types /);
  });

  it('the bundle from another origin (a CDN): no worker, searched on the page, no errors', async () => {
    const { view, widget, root } = await open('/test/pages/large-cross-origin.html');
    await expectSearchWorks(widget, root);
    expect(view.__workers).to.deep.equal([]);
    expect(view.__report).to.deep.equal({ violations: [], errors: [] });
  });

  for (const mode of ['throws', 'broken']) {
    it(`a worker that ${mode === 'throws' ? 'cannot start' : 'cannot load'}: searched on the page, no errors`, async () => {
      const { view, widget, root } = await open(`/test/pages/large-module.html?worker=${mode}`);
      await expectSearchWorks(widget, root);
      expect(view.__report).to.deep.equal({ violations: [], errors: [] });
    });
  }

  it('a new feed ends the old worker; leaving the page ends it; coming back starts another', async () => {
    const { view, widget, root } = await open('/test/pages/large-module.html');
    widget.items = generateFeed(SIZE, 7);
    // Checking 3,000 items before the worker starts took 0.45 s in Chromium and 1.4 s in WebKit on
    // a busy machine: past waitUntil's 1 s default.
    await waitUntil(() => view.__workers.length === 2, 'no worker for the second feed', { timeout: 10000 });
    expect(view.__terminated).to.equal(1);
    // Shown, not only indexed ahead (a large feed's worker starts while the page prepares it):
    // leaving the page during a load would owe the load again on return, and its worker later.
    const shown = oneEvent(widget, 'csf-load');
    widget.items = raw;
    await shown;
    await waitUntil(() => view.__workers.length === 3, 'no worker for the third feed', { timeout: 10000 });
    expect(view.__terminated).to.equal(2);

    type(root, 'libary');
    const host = widget.parentElement!;
    widget.remove();
    expect(view.__terminated).to.equal(3);
    host.append(widget);
    expect(view.__workers.length).to.equal(4);
    // The query typed before leaving is answered by the new worker.
    await waitUntil(
      () => JSON.stringify(shownTitles(root)) === JSON.stringify(expectedTitles('libary')),
      'the query was not answered after coming back',
      { timeout: 5000 },
    );
    await expectSearchWorks(widget, root);
    expect(view.__report).to.deep.equal({ violations: [], errors: [] });
  });
});
