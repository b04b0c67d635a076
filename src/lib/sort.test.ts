import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { orderByText, sortByKey } from './sort.js';
import { compareText } from './text.js';

describe('sortByKey', () => {
  it('orders by key, ties in ascending index order, either way round', () => {
    const keys = [5, 1, 5];
    expect([...sortByKey([0, 1, 2], (i) => keys[i]!)]).to.deep.equal([1, 0, 2]);
    expect([...sortByKey([0, 1, 2], (i) => keys[i]!, true)]).to.deep.equal([0, 2, 1]);
  });

  it('agrees with a comparator sort for any keys and any subset of indices', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 31 }), { maxLength: 200 }),
        fc.boolean(),
        (keys, descending) => {
          const indices = [...keys.keys()].filter((i) => i % 3 !== 1).reverse();
          const expected = [...indices].sort((a, b) => (descending ? keys[b]! - keys[a]! : keys[a]! - keys[b]!) || a - b);
          expect([...sortByKey(indices, (i) => keys[i]!, descending)]).to.deep.equal(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts many ascending indices with few keys into the same order a sort gives', () => {
    // A large feed's dates, or a one-letter query's scores: hundreds of items or more, with keys
    // shared by many (counted) or by few (sorted); either way the order must be the sort's.
    fc.assert(
      fc.property(
        fc.integer({ min: 512, max: 3000 }),
        fc.integer({ min: 1, max: 1500 }),
        fc.boolean(),
        fc.integer(),
        (count, distinct, descending, seed) => {
          let state = seed | 0;
          const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) | 0) >>> 0) / 2 ** 32;
          const values = Array.from({ length: distinct }, () => Math.floor(random() * 2 ** 32));
          const keys = Array.from({ length: count * 2 }, () => values[Math.floor(random() * distinct)]!);
          // Ascending, with gaps: the documents a search kept, in feed order.
          const indices = [...keys.keys()].filter(() => random() < 0.6);
          const expected = [...indices].sort((a, b) => (descending ? keys[b]! - keys[a]! : keys[a]! - keys[b]!) || a - b);
          expect([...sortByKey(indices, (i) => keys[i]!, descending)]).to.deep.equal(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('orderByText', () => {
  it('orders as a British reader does: case and accents aside, numbers by value', () => {
    const texts = ['Ward 10', 'ward 2', 'Éclairs', 'eggs', 'Apples', 'apricots', 'Zebra crossings', 'Môn', 'Monmouth'];
    expect(orderByText(texts).map((at) => texts[at])).to.deep.equal([
      'Apples',
      'apricots',
      'Éclairs',
      'eggs',
      'Môn',
      'Monmouth',
      'ward 2',
      'Ward 10',
      'Zebra crossings',
    ]);
  });

  // Letters that decompose into a base letter and marks; those that do not (æ, ø, þ …) are
  // folded to a spelling, which may order a little differently from the collator.
  it('agrees with the collator for any words of letters, accents, digits and spaces', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÅÇ-ÏÑ-ÖÙ-Ýà-åç-ïñ-öù-ýÿŵŷ0-9 ]{0,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), (texts) => {
        const expected = [...texts.keys()].sort((a, b) => compareText(texts[a]!, texts[b]!) || a - b);
        expect(orderByText(texts)).to.deep.equal(expected);
      }),
      { numRuns: 300 },
    );
  });
});
