import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { CaseStudy } from './feed.js';
import { newestOf, Orders } from './order.js';

const study = (title: string, time?: number): CaseStudy => ({
  id: title,
  title,
  url: `/${title}`,
  topics: [],
  supportTypes: [],
  keywords: [],
  extra: {},
  ...(time === undefined ? {} : { time }),
});

/** The orders as a plain comparator sort gives them: undated last, ties in feed order. */
function reference(items: readonly CaseStudy[], newest: boolean): number[] {
  return [...items.keys()].sort((a, b) => {
    const ta = items[a]!.time;
    const tb = items[b]!.time;
    if (ta === undefined || tb === undefined) return Number(ta === undefined) - Number(tb === undefined) || a - b;
    return (newest ? tb - ta : ta - tb) || a - b;
  });
}

describe('Orders', () => {
  it('sorts by date, newest or oldest first, undated last, ties in feed order', () => {
    const items = [
      study('a', Date.UTC(2020, 0, 1)),
      study('b'),
      study('c', Date.UTC(2022, 5, 1)),
      study('d', Date.UTC(2020, 0, 1)),
      study('e'),
      study('f', Date.UTC(2021, 2, 3, 12, 30)),
    ];
    const orders = new Orders(items);
    const all = [...items.keys()];
    expect(orders.sort(all, 'newest').map((at) => items[at]!.title)).to.deep.equal(['c', 'f', 'a', 'd', 'b', 'e']);
    expect(orders.sort(all, 'oldest').map((at) => items[at]!.title)).to.deep.equal(['a', 'd', 'f', 'c', 'b', 'e']);
    // A few results: the same order, taken from the ranks.
    expect(orders.sort([4, 3, 2], 'newest')).to.deep.equal([2, 3, 4]);
  });

  it('agrees with a comparator sort on any feed, for all results and for a few', () => {
    const time = fc.option(fc.integer({ min: -5, max: 5 }).map((day) => Date.UTC(2024, 0, 10 + day)), { nil: undefined });
    fc.assert(
      // Up to 1,200 items over eleven days and none: many items share each date.
      fc.property(fc.array(time, { maxLength: 1200 }), fc.boolean(), (times, newest) => {
        const items = times.map((t, at) => study(`item ${at}`, t));
        const orders = new Orders(items);
        const expected = reference(items, newest);
        expect(orders.sort([...items.keys()], newest ? 'newest' : 'oldest')).to.deep.equal(expected);
        const some = [...items.keys()].filter((at) => at % 10 === 3);
        expect(orders.sort(some, newest ? 'newest' : 'oldest')).to.deep.equal(expected.filter((at) => at % 10 === 3));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the first page newest first as the whole order does, without ordering the rest', () => {
    const time = fc.option(fc.integer({ min: -5, max: 5 }).map((day) => Date.UTC(2024, 0, 10 + day)), { nil: undefined });
    fc.assert(
      fc.property(fc.array(time, { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (times, count) => {
        const items = times.map((t, at) => study(`item ${at}`, t));
        expect(newestOf(items, count)).to.deep.equal(reference(items, true).slice(0, count));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts titles as a British reader would: case aside, numbers by value', () => {
    const items = ['ward 10', 'Ward 2', 'apple', 'Éclair', 'banana'].map((title) => study(title));
    const orders = new Orders(items);
    expect(orders.sort([...items.keys()], 'title').map((at) => items[at]!.title)).to.deep.equal([
      'apple',
      'banana',
      'Éclair',
      'Ward 2',
      'ward 10',
    ]);
  });
});
