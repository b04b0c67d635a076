import { expect } from '@open-wc/testing';
import { generateFeed } from '../../bench/generate.js';
import { parseFeed } from '../lib/feed.js';
import { FIELD_WEIGHTS, toSearchDoc } from '../lib/search-doc.js';
import { SearchIndex } from '../lib/search.js';
import { createSearcher, SearchStopped } from './searcher.js';

describe('createSearcher', () => {
  const { items } = parseFeed([
    { title: 'Reading groups', url: '/a', summary: 'Held in Gwynedd libraries.' },
    { title: 'Walking netball', url: '/b', topics: ['Libraries'] },
    { title: 'Heritage trail', url: '/c', organisation: 'Gwynedd Council' },
    { title: 'Libraries online', url: '/d', collection: { label: 'Digital', url: '/digital' } },
  ]);

  it('indexes title, tags (with the collection label), organisation and summary', () => {
    expect(toSearchDoc(items[3]!)).to.deep.equal(['Libraries online', 'Digital', '', '']);
    expect(toSearchDoc(items[1]!)).to.deep.equal(['Walking netball', 'Libraries', '', '']);
  });

  it('ranks title above tags above summary', () => {
    const result = createSearcher(items).search('libraries');
    expect(result).to.not.be.instanceOf(Promise);
    expect(Array.from((result as Exclude<typeof result, Promise<unknown>>).indices)).to.deep.equal([3, 1, 0]);
  });

  it('ranks organisation above summary', () => {
    const result = createSearcher(items).search('gwynedd');
    expect(Array.from((result as Exclude<typeof result, Promise<unknown>>).indices)).to.deep.equal([2, 0]);
  });
});

describe('createSearcher: stopping', () => {
  // Large enough to be indexed in slices (over 2,000 items), small enough to be quick.
  const { items } = parseFeed(generateFeed(5000));
  const reference = new SearchIndex(items.map(toSearchDoc), Object.values(FIELD_WEIGHTS));

  it('answers a query made during the build from the whole index', async () => {
    const searcher = createSearcher(items);
    const answer = searcher.search('library');
    expect(answer).to.be.instanceOf(Promise);
    expect([...(await answer).indices]).to.deep.equal([...reference.search('library').indices]);
    expect(searcher.ready).to.equal(true);
  });

  it('refuses a waiting query when stopped mid-build, instead of answering from part of the index', async () => {
    const searcher = createSearcher(items);
    const answer = Promise.resolve(searcher.search('library'));
    searcher.stop();
    const outcome = await answer.then(
      (result) => ({ answered: result }),
      (error: unknown) => ({ error }),
    );
    expect(outcome).to.have.property('error').that.is.instanceOf(SearchStopped);
    expect(searcher.ready).to.equal(false);
  });

  it('refuses every query after stop, whatever the state of the index', async () => {
    const built = createSearcher(items.slice(0, 100));
    built.search('library');
    built.stop();
    for (const searcher of [built, createSearcher(items)]) {
      searcher.stop();
      let refused: unknown;
      await Promise.resolve(searcher.search('library')).catch((error: unknown) => (refused = error));
      expect(refused).to.be.instanceOf(SearchStopped);
    }
  });
});
