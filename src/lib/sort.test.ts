import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { sortByKey } from './sort.js';

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
});
