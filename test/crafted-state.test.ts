import { expect, oneEvent } from '@open-wc/testing';
import type { CaseStudyFinder } from '../src/index.js';
import { mountSample, part, parts, search, text } from './helpers.js';

/**
 * A shareable `sync-url` address, or a history entry's saved state, crafted to hold one real
 * topic thousands of times: in spellings that all fold to the same value (letter case, spaces),
 * or as plain copies. It must be one choice, and the page must never be held for long.
 */

/** `count` spellings of `word` that fold to it: every letter case, padded with spaces. */
function spellings(word: string, count: number): string[] {
  const out: string[] = [];
  for (let pad = 0; out.length < count; pad++) {
    for (let mask = 0; mask < 2 ** word.length && out.length < count; mask++) {
      const cased = [...word].map((c, i) => (mask & (1 << i) ? c.toUpperCase() : c.toLowerCase())).join('');
      out.push(' '.repeat(pad % 4) + cased + ' '.repeat(Math.floor(pad / 4)));
    }
  }
  return out;
}

/**
 * The longest time the page's main thread was held while `work` ran and settled: the largest
 * gap between timer ticks, which every engine can measure (Firefox has no longtask entries),
 * and the longest longtask entry where the engine has them.
 */
async function longestTask(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  let observer: PerformanceObserver | undefined;
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask' });
  }
  try {
    await work();
    // Two frames for whatever the change scheduled to be drawn.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  } finally {
    running = false;
    observer?.disconnect();
  }
  return longest;
}

/** The chosen filters, as their remove buttons name them. */
/**
 * The longest task of up to three tries at `mount`, stopping at the first within `limit`. On a
 * loaded machine the system can pause the browser for a few hundred milliseconds at any time,
 * which a gap between timer ticks cannot tell from the page's own work; the best of three
 * separates the two (before the bounds, every try took 9 to 26 seconds).
 */
async function bestOfThree(
  limit: number,
  mount: () => Promise<CaseStudyFinder>,
  prepare: () => void = () => {},
): Promise<{ el: CaseStudyFinder; tries: number[] }> {
  const tries: number[] = [];
  let el: CaseStudyFinder | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    el?.parentElement?.remove();
    // The crafted address or state is put in place before the measure starts: it is the
    // widget's reading of it that is measured, not the test's writing.
    prepare();
    tries.push(await longestTask(async () => (el = await mount())));
    if (tries.at(-1)! <= limit) break;
  }
  return { el: el!, tries };
}

const chosen = (el: CaseStudyFinder) => [...(part(el, 'active-filters')?.querySelectorAll('button[data-remove]') ?? [])].map(text);
const pressed = (el: CaseStudyFinder) => parts(el, 'chip-selected').map((c) => text(c.querySelector('.chip-label')));

describe('<case-study-finder> and crafted saved choices', () => {
  const home = location.pathname + location.search;
  afterEach(() => history.replaceState(null, '', home));
  // The first widget of a page compiles the code and fetches the feed: not what is measured.
  before(async () => void (await mountSample()));

  /**
   * The bound the crafted loads are held to: 200 ms, or, on a machine so loaded that a widget
   * that does not read the crafted address or state (measured now, the same way, on the same
   * page) already takes longer, twice that. A page with a 300 KB address is slower to work
   * with whatever the widget does; what is measured is the widget's reading of it.
   */
  async function bound(attributes: string, prepare: () => void): Promise<{ limit: number; plain: number }> {
    const { el, tries } = await bestOfThree(100, () => mountSample(attributes), prepare);
    el.parentElement?.remove();
    const plain = Math.min(...tries);
    return { limit: Math.max(200, 2 * plain), plain };
  }

  it('an address with one topic in 10,000 spellings is one choice, and no task holds the page over 200 ms', async () => {
    const params = new URLSearchParams(location.search);
    for (const spelling of spellings('Libraries', 10_000)) params.append('topics', spelling);
    const crafted = `${location.pathname}?${params}`;
    expect(crafted.length).to.be.greaterThan(150_000);

    // Without sync-url the widget does not read the address.
    const { limit, plain } = await bound('id="ignores-url"', () => history.replaceState(null, '', crafted));
    const { el, tries } = await bestOfThree(
      limit,
      () => mountSample('sync-url id="crafted-url"'),
      () => history.replaceState(null, '', crafted),
    );
    expect(chosen(el)).to.deep.equal(['Topic: Libraries']);
    expect(pressed(el)).to.deep.equal(['Libraries']);
    expect(Math.min(...tries), `longest task in each try: ${tries.map(Math.round).join(', ')} ms (a widget not reading it: ${Math.round(plain)} ms)`).to.be.at.most(limit);
  });

  for (const copies of [10_000, 100_000]) {
    it(`a saved state with ${copies.toLocaleString('en-GB')} copies of one value is one choice, and no task holds the page over 200 ms`, async () => {
      const values = [...Array<string>(copies).fill('Libraries'), ...spellings('Libraries', 1000)];
      const crafted = { 'case-study-finder crafted-state': { query: '', filters: [['topics', values]], pages: 1 } };
      // The same state under another widget's key: reading history.state at all costs its
      // deserialisation, whoever on the page reads it; what is measured is the widget's use of it.
      const elsewhere = { 'case-study-finder another': crafted['case-study-finder crafted-state'] };
      const { limit, plain } = await bound('id="plain"', () => history.replaceState(elsewhere, '', home));
      // A saved state is read after Back or a reload, or when this page wrote it itself: a test
      // page cannot be reloaded into, so the widget first saves a search of its own here, as a
      // visitor's would, and the crafted state then takes its place.
      const first = await mountSample('id="crafted-state"');
      await search(first, 'library');
      await oneEvent(first, 'csf-change');
      first.parentElement!.remove();
      // The widget writes its own state over the crafted one once it has read it: put back
      // before each try.
      const { el, tries } = await bestOfThree(
        limit,
        () => mountSample('id="crafted-state"'),
        () => history.replaceState(crafted, '', home),
      );
      expect(chosen(el)).to.deep.equal(['Topic: Libraries']);
      expect(Math.min(...tries), `longest task in each try: ${tries.map(Math.round).join(', ')} ms (a widget not reading it: ${Math.round(plain)} ms)`).to.be.at.most(limit);
    });
  }
});
