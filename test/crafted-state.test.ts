import { expect } from '@open-wc/testing';
import type { CaseStudyFinder } from '../src/index.js';
import { mountSample, part, parts, text } from './helpers.js';

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
const chosen = (el: CaseStudyFinder) => [...(part(el, 'active-filters')?.querySelectorAll('button[data-remove]') ?? [])].map(text);
const pressed = (el: CaseStudyFinder) => parts(el, 'chip-selected').map((c) => text(c.querySelector('.chip-label')));

describe('<case-study-finder> and crafted saved choices', () => {
  const home = location.pathname + location.search;
  afterEach(() => history.replaceState(null, '', home));
  // The first widget of a page compiles the code and fetches the feed: not what is measured.
  before(async () => void (await mountSample()));

  it('an address with one topic in 10,000 spellings is one choice, and no task holds the page over 200 ms', async () => {
    const params = new URLSearchParams(location.search);
    for (const spelling of spellings('Libraries', 10_000)) params.append('topics', spelling);
    history.replaceState(null, '', `${location.pathname}?${params}`);
    expect(location.search.length).to.be.greaterThan(150_000);

    let el: CaseStudyFinder | undefined;
    const longest = await longestTask(async () => (el = await mountSample('sync-url id="crafted-url"')));
    expect(chosen(el!)).to.deep.equal(['Topic: Libraries']);
    expect(pressed(el!)).to.deep.equal(['Libraries']);
    expect(longest, `longest task ${Math.round(longest)} ms`).to.be.at.most(200);
  });

  for (const copies of [10_000, 100_000]) {
    it(`a saved state with ${copies.toLocaleString('en-GB')} copies of one value is one choice, and no task holds the page over 200 ms`, async () => {
      const values = [...Array<string>(copies).fill('Libraries'), ...spellings('Libraries', 1000)];
      history.replaceState({ 'case-study-finder crafted-state': { query: '', filters: [['topics', values]], pages: 1 } }, '', home);
      let el: CaseStudyFinder | undefined;
      const longest = await longestTask(async () => (el = await mountSample('id="crafted-state"')));
      expect(chosen(el!)).to.deep.equal(['Topic: Libraries']);
    expect(longest, `longest task ${Math.round(longest)} ms`).to.be.at.most(200);
    });
  }
});
