import { expect } from '@open-wc/testing';
import { DEFAULT_FACETS, facetKeysOf, indexKeysOf, maxPagesOf, pageSizeOf } from './options.js';

describe('options', () => {
  describe('pageSizeOf', () => {
    const cases: Array<[number, boolean, boolean, number]> = [
      [12, false, false, 12],
      [12, true, false, 3],
      [5, true, true, 5],
      [0, false, true, 12],
      [Number.NaN, false, true, 12],
      [-4, false, true, 1],
      [7.9, false, true, 7],
      [100000, false, true, 200],
    ];
    for (const [size, compact, given, expected] of cases) {
      it(`page-size ${size}${compact ? ', compact' : ''}${given ? '' : ' (default)'} → ${expected}`, () => {
        expect(pageSizeOf(size, { compact, given })).to.equal(expected);
      });
    }
  });

  it('opens no more pages than about 200 cards', () => {
    expect([maxPagesOf(12), maxPagesOf(200), maxPagesOf(1), maxPagesOf(7)]).to.deep.equal([16, 1, 200, 28]);
  });

  describe('facetKeysOf', () => {
    const defs = [{ key: 'region' }, { key: 'topics' }];
    const cases: Array<[string, string, boolean, readonly { key: string }[], string[]]> = [
      ['the default without feed facets', DEFAULT_FACETS, false, [], ['topics', 'supportTypes']],
      ["the feed's own list when the page names none", DEFAULT_FACETS, false, defs, ['region', 'topics']],
      ['the attribute when the page sets it, even to the default', DEFAULT_FACETS, true, defs, ['topics', 'supportTypes']],
      ['the attribute, spaces and repeats aside', '  year topics  year ', true, defs, ['year', 'topics']],
      ['nothing when the attribute is empty', '', true, defs, []],
    ];
    for (const [name, facets, given, feedDefs, expected] of cases) {
      it(name, () => {
        expect(facetKeysOf(facets, { given, defs: feedDefs })).to.deep.equal(expected);
      });
    }
  });

  it('counts the groups shown and those the filter attribute chooses in', () => {
    expect(indexKeysOf(['topics'], new Map([['organisation', ['X']], ['topics', ['Y']]]))).to.deep.equal(['topics', 'organisation']);
  });
});
