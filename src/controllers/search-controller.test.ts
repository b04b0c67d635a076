import { expect } from '@open-wc/testing';
import type { CaseStudy } from '../lib/feed.js';
import type { SearchResult } from '../lib/search.js';
import { SearchController } from './search-controller.js';
import { SearchStopped, type Searcher } from '../browser/searcher.js';
import { FakeHost } from '../../test/fake-host.js';

const answer = (...indices: number[]): SearchResult => ({ indices: Int32Array.from(indices), matched: [] });

/**
 * A searcher whose answers the test gives by hand: each query waits in `waiting` until the
 * test settles it (as a large feed's index or worker would), except the empty query.
 */
function manualSearcher(ready = false) {
  const waiting: Array<{ query: string; resolve: (r: SearchResult) => void; reject: (e: unknown) => void }> = [];
  let stops = 0;
  const searcher: Searcher = {
    ready,
    search(query) {
      if (!query) return answer(0, 1, 2);
      return new Promise((resolve, reject) => waiting.push({ query, resolve, reject }));
    },
    stop() {
      stops++;
      for (const entry of waiting.splice(0)) entry.reject(new SearchStopped('stopped'));
    },
  };
  return { searcher, waiting, stops: () => stops };
}

const items = [] as CaseStudy[];

describe('SearchController', () => {
  it('is idle without a feed, and answers the empty query at once when one arrives', () => {
    const host = new FakeHost();
    const made = manualSearcher();
    const search = new SearchController(host, () => made.searcher);
    host.connect();
    expect(search.status).to.equal('idle');
    search.setItems(items);
    expect(search.status).to.equal('ready');
    expect([...search.result!.indices]).to.deep.equal([0, 1, 2]);
    expect(host.updates).to.be.greaterThan(0);
  });

  it('says indexing while the index is built, pending once it is ready, and keeps only the newest answer', async () => {
    const host = new FakeHost();
    const made = manualSearcher(false);
    const search = new SearchController(host, () => made.searcher);
    host.connect();
    search.setItems(items);
    search.search('lib');
    expect(search.status).to.equal('indexing');
    search.search('library');
    const [older, newer] = made.waiting;
    newer!.resolve(answer(2));
    await Promise.resolve();
    expect(search.status).to.equal('ready');
    older!.resolve(answer(0, 1));
    await Promise.resolve();
    expect([...search.result!.indices], 'a late answer to an older query').to.deep.equal([2]);

    (made.searcher as { ready: boolean }).ready = true;
    search.search('museum');
    expect(search.status).to.equal('pending');
  });

  it('stops the searcher when the host leaves, and searches again with a new one on return', async () => {
    const host = new FakeHost();
    const made = [manualSearcher(), manualSearcher()];
    let created = 0;
    const search = new SearchController(host, () => made[created++]!.searcher);
    host.connect();
    search.setItems(items);
    search.search('library');
    const settled = search.settled();
    host.disconnect();
    expect(made[0]!.stops()).to.equal(1);
    // The refusal of the stopped searcher's query is nobody's answer.
    await Promise.resolve();
    expect(search.status).to.equal('indexing');
    host.connect();
    expect(created).to.equal(2);
    expect(made[1]!.waiting.map((entry) => entry.query)).to.deep.equal(['library']);
    made[1]!.waiting[0]!.resolve(answer(1));
    await settled;
    expect(search.status).to.equal('ready');
    expect([...search.result!.indices]).to.deep.equal([1]);
  });

  it('never stays "indexing" when the newest query is refused', async () => {
    const host = new FakeHost();
    const made = manualSearcher(false);
    const search = new SearchController(host, () => made.searcher);
    host.connect();
    search.setItems(items);
    search.search('library');
    expect(search.status).to.equal('indexing');
    made.waiting[0]!.reject(new Error('the index could not be built'));
    await search.settled();
    expect(search.status).to.equal('ready');
    expect([...search.result!.indices], 'the last answer stays').to.deep.equal([0, 1, 2]);
  });

  it('stops the old searcher when the feed is replaced', () => {
    const host = new FakeHost();
    const made = [manualSearcher(), manualSearcher()];
    let created = 0;
    const search = new SearchController(host, () => made[created++]!.searcher);
    host.connect();
    search.setItems(items);
    search.setItems(items);
    expect(made[0]!.stops()).to.equal(1);
    search.setItems(undefined);
    expect(made[1]!.stops()).to.equal(1);
    expect(search.status).to.equal('idle');
    expect(search.result).to.equal(undefined);
  });

  it('settles those waiting for an answer when its searcher is stopped, so no report waits for ever', async () => {
    const host = new FakeHost();
    const made = manualSearcher(false);
    const search = new SearchController(host, () => made.searcher);
    host.connect();
    search.setItems(items);
    search.search('library');
    let settled = false;
    void search.settled().then(() => (settled = true));
    search.setItems(undefined);
    // Two turns: one for the stopped searcher's refusal, one for the waiter.
    await Promise.resolve();
    await Promise.resolve();
    expect(settled, 'settled() after the feed went away').to.equal(true);
  });

  describe('a feed indexed ahead, as it arrives', () => {
    /** A searcher that counts what it is told of arrivals. */
    function aheadSearcher() {
      const made = manualSearcher(false);
      const told: boolean[] = [];
      made.searcher.arrived = (done) => told.push(done);
      return { ...made, told };
    }

    it('keeps the searcher that indexed the items as they came, and runs the query with it', () => {
      const host = new FakeHost();
      const ahead = aheadSearcher();
      let created = 0;
      const search = new SearchController(host, () => (created++, manualSearcher().searcher), () => ahead.searcher);
      host.connect();
      const arriving: CaseStudy[] = [];
      search.ahead(arriving);
      search.ahead(arriving);
      expect(ahead.told).to.deep.equal([false]);
      search.setItems(arriving);
      expect(ahead.told).to.deep.equal([false, true]);
      expect(created, 'no second searcher').to.equal(0);
      search.search('library');
      expect(ahead.waiting.map((entry) => entry.query)).to.deep.equal(['library']);
      expect(ahead.stops()).to.equal(0);
    });

    it('ends it when the feed is replaced or gone before it is shown', () => {
      const host = new FakeHost();
      const first = aheadSearcher();
      const second = aheadSearcher();
      const made = [first, second];
      const search = new SearchController(host, () => manualSearcher().searcher, () => made.shift()!.searcher);
      host.connect();
      search.ahead([] as CaseStudy[]);
      // Another load starts (src changed) before the first feed was shown.
      search.setItems(undefined);
      expect(first.stops()).to.equal(1);
      search.ahead([] as CaseStudy[]);
      search.setItems([] as CaseStudy[]);
      expect(second.stops(), 'a searcher for other items').to.equal(1);
      host.disconnect();
    });

    it('ends it when the host leaves the page', () => {
      const host = new FakeHost();
      const ahead = aheadSearcher();
      const search = new SearchController(host, () => manualSearcher().searcher, () => ahead.searcher);
      host.connect();
      search.ahead([] as CaseStudy[]);
      host.disconnect();
      expect(ahead.stops()).to.equal(1);
    });
  });
});
