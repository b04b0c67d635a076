import { expect } from '@open-wc/testing';
import { choose, NO_CHOICE, type Choice } from '../lib/choice.js';
import { parseFeed, type CaseStudy, type ParsedFeed } from '../lib/feed.js';
import type { SortOrder } from '../lib/order.js';
import { runAll } from '../lib/slices.js';
import { ViewController } from './view-controller.js';
import { FakeHost } from '../../test/fake-host.js';

const TOPICS = ['Libraries', 'Museums', 'Sport'];
const SUPPORT = ['Funding', 'Training'];

/** A feed of `count` items with topics, support types and (with `dated`) dates. */
const feedOf = (count: number, dated = false): ParsedFeed =>
  parseFeed({
    facets: [{ key: 'topics', label: 'Topic' }],
    items: Array.from({ length: count }, (_, at) => ({
      title: `Case study ${count - at}`,
      url: `/case-studies/${at}`,
      topics: [TOPICS[at % 3]!],
      supportTypes: [SUPPORT[at % 2]!],
      ...(dated ? { date: `20${10 + (at % 10)}-01-01` } : {}),
    })),
  });

/**
 * A large feed built as the feed code would hand it over (checking 15,000 items would take
 * longer than the test): four topics and four keywords an item, from thousands of values.
 */
function largeFeed(count = 15_000): ParsedFeed {
  const items: CaseStudy[] = Array.from({ length: count }, (_, at) => ({
    id: String(at),
    title: `Case study ${at}`,
    url: `/case-studies/${at}`,
    topics: [0, 1, 2, 3].map((k) => `Topic ${(at * 7 + k * 13) % 3000}`),
    supportTypes: [SUPPORT[at % 2]!],
    keywords: [0, 1, 2, 3].map((k) => `Keyword ${(at * 11 + k) % 5000}`),
    extra: Object.create(null) as Record<string, string[]>,
  }));
  return { facets: [], items, skipped: [], warnings: [] };
}

/** Every item, in feed order: what an empty search answers. */
const everything = (feed: ParsedFeed) => Int32Array.from(feed.items.keys());

function setup() {
  const host = new FakeHost();
  const options = { keys: ['topics'], sort: undefined as SortOrder | undefined };
  const views = new ViewController(host, { keys: () => options.keys, sort: () => options.sort });
  host.connect();
  /** Prepares a feed (at once) and shows it, as the element does once it has loaded. */
  const show = (feed: ParsedFeed) => views.show(feed, runAll(views.prepare(feed)));
  return { host, views, options, show };
}

/**
 * Counts the turns the page gets (one message task each) until `work` settles: work done in
 * one long task leaves it one turn at most; work in slices gives it one between each slice.
 */
function turnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    turns++;
    if (!done) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  return work.then(() => {
    done = true;
    channel.port1.close();
    return turns;
  });
}

const toggle = (choice: Choice, value: string) => choose(choice, { type: 'toggle', facet: 'topics', value });

describe('ViewController', () => {
  it('prepares a feed in steps: a facet index of the keys asked for, and its orders', () => {
    const { views, options } = setup();
    options.keys = ['topics', 'supportTypes'];
    const steps = views.prepare(feedOf(3000));
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses, 'points where a large feed pauses for the page').to.be.greaterThan(5);
    expect(step.value.facets.keys).to.deep.equal(['topics', 'supportTypes']);
    expect(step.value.orders.hasDates).to.equal(false);
  });

  it('has no view before a feed is shown, then the results, counts and cards asked for', () => {
    const { views, show } = setup();
    const feed = feedOf(6);
    expect(views.compute({ hits: everything(feed), choice: NO_CHOICE, pageSize: 4 })).to.equal(undefined);
    show(feed);
    const view = views.compute({ hits: everything(feed), choice: NO_CHOICE, pageSize: 4 })!;
    expect(view.results).to.deep.equal([0, 1, 2, 3, 4, 5]);
    expect(view.sort).to.equal('feed');
    expect(view.cards.map((card) => card.item.title)).to.deep.equal(['Case study 6', 'Case study 5', 'Case study 4', 'Case study 3']);
    expect(view.facets.map((group) => [group.key, group.values.map((value) => `${value.label} ${value.count}`)])).to.deep.equal([
      ['topics', ['Libraries 2', 'Museums 2', 'Sport 2']],
    ]);
    expect(views.defs).to.deep.equal(feed.facets);
  });

  it('computes the view again only when an input changed', () => {
    const { views, options, show } = setup();
    const feed = feedOf(30);
    show(feed);
    const hits = everything(feed);
    const first = views.compute({ hits, choice: NO_CHOICE, pageSize: 12 });
    expect(views.compute({ hits, choice: { ...NO_CHOICE }, pageSize: 12 }), 'the same inputs').to.equal(first);

    const libraries = toggle(NO_CHOICE, 'Libraries');
    const filtered = views.compute({ hits, choice: libraries, pageSize: 12 })!;
    expect(filtered).not.to.equal(first);
    expect(filtered.results).to.have.length(10);
    const more = views.compute({ hits, choice: choose(libraries, { type: 'more' }), pageSize: 5 })!;
    expect(more.cards, 'two pages of five').to.have.length(10);
    options.sort = 'title';
    const sorted = views.compute({ hits, choice: libraries, pageSize: 12 })!;
    expect(sorted.sort).to.equal('title');
    expect(sorted.cards.map((card) => card.item.title).slice(0, 3)).to.deep.equal(['Case study 3', 'Case study 6', 'Case study 9']);
    views.forget();
    expect(views.view).to.equal(undefined);
    expect(views.compute({ hits, choice: libraries, pageSize: 12 }), 'after forget(), computed afresh').not.to.equal(sorted);
  });

  it('names chosen filters in the facet order, spelled as the feed spells them', () => {
    const { views, options, show } = setup();
    options.keys = ['topics', 'supportTypes'];
    show(feedOf(6, true));
    const choice = choose(choose(NO_CHOICE, { type: 'toggle', facet: 'supportTypes', value: 'FUNDING' }), { type: 'toggle', facet: 'topics', value: 'sport' });
    expect(views.chosen(choice, (facet) => facet.toUpperCase())).to.deep.equal([
      { facet: 'topics', value: 'sport', name: 'TOPICS', label: 'Sport' },
      { facet: 'supportTypes', value: 'FUNDING', name: 'SUPPORTTYPES', label: 'Funding' },
    ]);
    expect(views.label('topics', 'museums')).to.equal('Museums');
    expect(views.label('topics', 'Cinema')).to.equal(undefined);
  });

  it('knows the order in force before the first view: newest for dated items, relevance while searching', () => {
    const { views, options, show } = setup();
    show(feedOf(6, true));
    expect(views.sortFor(NO_CHOICE)).to.equal('newest');
    expect(views.sortFor(choose(NO_CHOICE, { type: 'type', query: 'sport' }))).to.equal('relevance');
    options.sort = 'title';
    expect(views.sortFor(NO_CHOICE)).to.equal('title');
  });

  describe('when the facets to count change', () => {
    it('keeps the index when they have not, and rebuilds a small feed’s at once when they have', () => {
      const { views, options, show } = setup();
      show(feedOf(30));
      const index = views.index;
      expect(views.rekey()).to.equal(true);
      expect(views.index).to.equal(index);
      options.keys = ['supportTypes', 'topics'];
      expect(views.rekey()).to.equal(true);
      expect(views.index!.keys).to.deep.equal(['supportTypes', 'topics']);
    });

    it('rebuilds a large feed’s index in slices, keeping the old one meanwhile, and asks for an update', async () => {
      const { host, views, options, show } = setup();
      show(largeFeed());
      const before = views.index!;
      options.keys = ['topics', 'keywords'];
      const rebuilt = views.rekey() as Promise<boolean>;
      expect(rebuilt).to.be.instanceOf(Promise);
      expect(views.index, 'the old index meanwhile').to.equal(before);
      const updates = host.updates;
      const turns = await turnsDuring(rebuilt);
      expect(await rebuilt).to.equal(true);
      // Tens of milliseconds of work or more: in one task it would leave the page one turn at
      // most, in slices of about 8 ms two or more (a busier machine makes the turns more).
      expect(turns, 'turns the page had while 15,000 items were indexed').to.be.at.least(2);
      expect(views.index!.keys).to.deep.equal(['topics', 'keywords']);
      expect(host.updates).to.be.greaterThan(updates);
    });

    it('has one builder: a newer rebuild or feed drops the older rebuild', async () => {
      const { views, options, show } = setup();
      show(feedOf(3000));
      options.keys = ['supportTypes'];
      const older = views.rekey();
      options.keys = ['topics', 'supportTypes'];
      const newer = views.rekey();
      expect(await older).to.equal(false);
      expect(await newer).to.equal(true);
      expect(views.index!.keys).to.deep.equal(['topics', 'supportTypes']);

      options.keys = ['topics'];
      const dropped = views.rekey();
      show(feedOf(5));
      expect(await dropped).to.equal(false);
      expect(views.index!.keys).to.deep.equal(['topics']);
      expect(views.orders!.hasDates).to.equal(false);
    });

    it('stops a rebuild when the host leaves the page, and makes it when the host returns', async () => {
      const { host, views, options, show } = setup();
      show(feedOf(3000));
      options.keys = ['supportTypes'];
      const cut = views.rekey();
      host.disconnect();
      expect(await cut).to.equal(false);
      expect(views.index!.keys).to.deep.equal(['topics']);
      const updates = host.updates;
      host.connect();
      await new Promise<void>((resolve) => {
        const check = () => (host.updates > updates ? resolve() : requestAnimationFrame(check));
        check();
      });
      expect(views.index!.keys).to.deep.equal(['supportTypes']);
    });
  });
});
