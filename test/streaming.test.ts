import 'axe-core/axe.min.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CaseStudyFinder, CsfLoadEvent } from '../src/index.js';
import { useWorker } from '../src/browser/searcher.js';
import { captureWarnings, countText, expectAccessible, input, part, parts, search, titles } from './helpers.js';

/**
 * A feed by address, read as it arrives. The response is a stream the test writes to, and each
 * step is taken once the page has read and checked what came before: it asks for the next part
 * (the widget's reader calls read() again only then), never after a guessed pause.
 */
function streamedResponse() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (given) => void (controller = given) });
  const realFetch = window.fetch;
  window.fetch = async (request, init) =>
    String(request).startsWith('/streamed/') ? new Response(stream, { headers: { 'Content-Type': 'application/json' } }) : realFetch(request, init);
  let reads = 0;
  const read = ReadableStreamDefaultReader.prototype.read;
  ReadableStreamDefaultReader.prototype.read = function (this: ReadableStreamDefaultReader) {
    reads++;
    return read.call(this);
  } as typeof read;
  after(() => {
    window.fetch = realFetch;
    ReadableStreamDefaultReader.prototype.read = read;
  });
  return {
    /** Sends `text`, and resolves once the page has read and checked it and asks for more. */
    async send(text: string): Promise<void> {
      await waitUntil(() => reads > 0, 'the page did not start reading', { timeout: 5000 });
      const before = reads;
      controller.enqueue(encoder.encode(text));
      await waitUntil(() => reads > before, 'the page did not read the part sent', { timeout: 5000 });
    },
    end: () => controller.close(),
  };
}
/** Restores window.fetch once the test is over: see streamedResponse. */
let after: (restore: () => void) => void;
let restores: Array<() => void> = [];
beforeEach(() => {
  restores = [];
  after = (restore) => restores.push(restore);
});
afterEach(() => restores.forEach((restore) => restore()));

/** `n` items, newest first (one a day back from 1 June 2024), with item `newer` dated after all. */
function items(n: number, newer?: number) {
  return Array.from({ length: n }, (_, at) => ({
    id: `item-${at}`,
    title: `Case study ${at}`,
    url: `/case-studies/${at}`,
    topics: [['Libraries', 'Sport', 'Heritage'][at % 3]!],
    date: new Date(Date.UTC(2024, 5, at === newer ? 2 : 1 - at)).toISOString().slice(0, 10),
  }));
}

/** The text of a feed, cut in two after item `at`: the parts as a server would send them. */
function parts2(feed: { items: unknown[] } & Record<string, unknown>, at: number): [string, string] {
  const text = JSON.stringify(feed, null, 1);
  const cut = text.indexOf(`"item-${at}"`);
  return [text.slice(0, cut), text.slice(cut)];
}

async function mount(attrs: Record<string, string> = {}, width = 900): Promise<{ el: CaseStudyFinder; loaded: Promise<CsfLoadEvent> }> {
  const el = document.createElement('case-study-finder');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.src = '/streamed/feed.json';
  const loaded = oneEvent(el, 'csf-load') as Promise<CsfLoadEvent>;
  await fixture(html`<div style="width: ${width}px">${el}</div>`);
  return { el, loaded };
}

const FIRST_PAGE = Array.from({ length: 12 }, (_, at) => `Case study ${at}`);
const places = (el: CaseStudyFinder) =>
  [...parts(el, 'card'), el.shadowRoot!.querySelector('.more')!].map((node) => {
    const { top, left, height } = node.getBoundingClientRect();
    return [Math.round(top), Math.round(left), Math.round(height)];
  });

describe('<case-study-finder> a feed read as it arrives', () => {
  it('shows the first cards of a newest-first feed before the rest has come; nothing moves when it has', async () => {
    const response = streamedResponse();
    const { el, loaded } = await mount();
    const [first, rest] = parts2({ title: 'T', order: 'newest', items: items(60) }, 20);
    await response.send(first);
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(FIRST_PAGE);
    // The count and the filters wait for the whole feed; so do the search box and "Show more".
    expect(countText(el)).to.equal('Loading case studies…');
    expect(parts(el, 'filter-group')).to.deep.equal([]);
    expect(input(el).disabled).to.equal(true);
    expect(part<HTMLButtonElement>(el, 'more-button')!.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('aria-busy')).to.equal('true');
    await expectAccessible(el);
    const before = places(el);

    await response.send(rest);
    response.end();
    expect((await loaded).detail.total).to.equal(60);
    await el.updateComplete;
    expect(countText(el)).to.equal('60 case studies');
    expect(titles(el)).to.deep.equal(FIRST_PAGE);
    expect(parts(el, 'filter-group').length).to.be.above(0);
    expect(part<HTMLButtonElement>(el, 'more-button')!.disabled).to.equal(false);
    expect(places(el)).to.deep.equal(before);
  });

  for (const [why, feed, attrs] of [
    ['items that do not promise to be newest first', { items: items(60) }, {}],
    ['a page that sorts by title', { order: 'newest', items: items(60) }, { sort: 'title' }],
    ['filters chosen by the page', { order: 'newest', items: items(60) }, { filter: 'topics:Sport' }],
  ] as const) {
    it(`waits for the whole feed with ${why}`, async () => {
      const response = streamedResponse();
      const { el, loaded } = await mount(attrs);
      const [first, rest] = parts2(feed, 30);
      await response.send(first);
      await el.updateComplete;
      expect(parts(el, 'card')).to.deep.equal([]);
      expect(part(el, 'loading')).to.not.equal(null);
      await response.send(rest);
      response.end();
      await loaded;
      await el.updateComplete;
      expect(parts(el, 'card')).to.have.length(12);
    });
  }

  // On phones too, where the longer "Loading case studies…" must not push the cards down (at
  // some widths it would not fit beside the sort where "3,000 case studies" does).
  for (const width of [900, 390, 370, 350, 330]) {
    it(`shows the first cards of a large feed in any order once it has come, before its filters are counted (${width} px)`, async () => {
      // 3,000 items, shuffled: only the whole feed says which are newest. Its filters and orders
      // take a few tasks more; the cards are drawn first, and are the ones the whole view shows.
      const place = (item: { id: string }) => ((Number(item.id.slice(5)) + 1) * 7919) % 3001;
      const shuffled = items(3000).sort((a, b) => place(a) - place(b));
      expect(shuffled[0]!.id).to.not.equal('item-0');
      const response = streamedResponse();
      const { el, loaded } = await mount({}, width);
      const [first, rest] = parts2({ items: shuffled }, 1500);
      await response.send(first);
      await el.updateComplete;
      expect(parts(el, 'card')).to.deep.equal([]);
      // The moment the first cards are drawn, as the page would paint them.
      const seen = new Promise<{ titles: string[]; count: string; groups: number; loaded: boolean }>((resolve) => {
        let done = false;
        const watch = new MutationObserver(() => {
          if (done || !parts(el, 'card').length) return;
          done = true;
          watch.disconnect();
          resolve({ titles: titles(el), count: countText(el), groups: parts(el, 'filter-group').length, loaded: settled });
        });
        watch.observe(el.shadowRoot!, { childList: true, subtree: true });
      });
      let settled = false;
      void loaded.then(() => (settled = true));
      await response.send(rest);
      response.end();
      const early = await seen;
      expect(early).to.deep.equal({ titles: FIRST_PAGE, count: 'Loading case studies…', groups: 0, loaded: false });
      const before = places(el);
      expect((await loaded).detail.total).to.equal(3000);
      await el.updateComplete;
      expect(countText(el)).to.equal('3,000 case studies');
      expect(titles(el)).to.deep.equal(FIRST_PAGE);
      expect(parts(el, 'filter-group').length).to.be.above(0);
      expect(places(el)).to.deep.equal(before);
    });
  }

  it('keeps a search saved in the history entry: no early cards, then the search', async () => {
    // As after Back to a page where the visitor had searched. A saved state is read after Back
    // or a reload, or when the page wrote it itself: a test page cannot be gone back to, so a
    // finder of this id first saves a search of its own, and the state then takes its place.
    const earlier = document.createElement('case-study-finder');
    earlier.id = 'finder';
    earlier.items = items(3);
    await fixture(html`<div>${earlier}</div>`);
    await search(earlier, 'case');
    await oneEvent(earlier, 'csf-change');
    earlier.parentElement!.remove();
    history.replaceState({ 'case-study-finder finder': { query: 'study 7', filters: [], pages: 1 } }, '');
    const response = streamedResponse();
    const { el, loaded } = await mount({ id: 'finder' });
    const [first, rest] = parts2({ order: 'newest', items: items(60) }, 30);
    await response.send(first);
    await el.updateComplete;
    expect(parts(el, 'card')).to.deep.equal([]);
    await response.send(rest);
    response.end();
    await loaded;
    await el.updateComplete;
    expect(input(el).value).to.equal('study 7');
    expect(titles(el)[0]).to.equal('Case study 7');
  });

  it('takes back the early cards, and says so, when a later item breaks the promise', async () => {
    const { result, warnings } = await captureWarnings(async () => {
      const response = streamedResponse();
      const { el, loaded } = await mount();
      const [first, rest] = parts2({ order: 'newest', items: items(60, 40) }, 20);
      await response.send(first);
      await el.updateComplete;
      expect(titles(el)).to.deep.equal(FIRST_PAGE);
      await response.send(rest);
      await el.updateComplete;
      // Item 40 is the newest of all: the cards shown were not the first after all.
      expect(parts(el, 'card')).to.deep.equal([]);
      response.end();
      await loaded;
      await el.updateComplete;
      return titles(el);
    });
    expect(result).to.deep.equal(['Case study 40', ...FIRST_PAGE.slice(0, 11)]);
    expect(warnings).to.deep.equal([
      '<case-study-finder> The feed at /streamed/feed.json says "order": "newest", but item 40 is newer than the one before it: sort the items newest first.',
    ]);
  });

  /** The number of documents in each message the page sends its search worker. */
  function spyOnWorker(): number[] {
    useWorker('/dist/case-study-finder.js', 'module');
    const sent: number[] = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: [never]) {
      if (Array.isArray(message)) sent.push(message.length);
      return post.call(this, message, ...rest);
    };
    after(() => (Worker.prototype.postMessage = post));
    return sent;
  }

  it('indexes a large feed in the worker while it arrives, once its first cards are shown, and searches it', async () => {
    const sent = spyOnWorker();
    const response = streamedResponse();
    const { el, loaded } = await mount();
    const [first, rest] = parts2({ order: 'newest', items: items(3000) }, 2500);
    await response.send(first);
    // 2,500 items have come, more than the page searches itself: the worker has 2,000 of them.
    await waitUntil(() => sent.length >= 2, 'no documents sent to the worker while the feed arrives');
    expect(sent).to.deep.equal([1000, 1000]);
    await response.send(rest);
    response.end();
    await loaded;
    await search(el, 'case study 2999');
    await waitUntil(() => countText(el) !== 'Searching…' && titles(el)[0] === 'Case study 2999', 'the search did not answer');
    expect(sent).to.deep.equal([1000, 1000, 1000]);
  });

  it('leaves a large feed in any order to the page while it arrives, then indexes it while preparing it', async () => {
    const sent = spyOnWorker();
    const response = streamedResponse();
    const { el, loaded } = await mount();
    const [first, rest] = parts2({ items: items(3000) }, 2500);
    await response.send(first);
    // Nothing can be shown before the whole feed: the page's share of the machine goes to reading it.
    expect(sent).to.deep.equal([]);
    await response.send(rest);
    response.end();
    await loaded;
    await search(el, 'case study 2999');
    await waitUntil(() => countText(el) !== 'Searching…' && titles(el)[0] === 'Case study 2999', 'the search did not answer');
    expect(sent.reduce((sum, count) => sum + count, 0)).to.equal(3000);
  });
});
