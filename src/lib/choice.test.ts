import { expect } from '@open-wc/testing';
import { choose, fromSaved, NO_CHOICE, toDetailFilters, toSaved, type Choice, type ChoiceAction } from './choice.js';

const sel = (entries: Record<string, string[]>) => new Map(Object.entries(entries));
const plain = (choice: Choice) => ({ ...choice, selection: Object.fromEntries(choice.selection) });

describe('choice', () => {
  describe('choose', () => {
    const searching: Choice = { query: 'libary', selection: sel({ topics: ['Libraries'] }), sort: 'title', pages: 3 };
    const cases: Array<[string, Choice, ChoiceAction, Choice]> = [
      ['typing goes back to page 1 and keeps the order', searching, { type: 'type', query: 'libr' }, { ...searching, query: 'libr', pages: 1 }],
      ['typing the query away returns the order to its default', searching, { type: 'type', query: '  ' }, { query: '  ', selection: searching.selection, pages: 1 }],
      ['a value not chosen is chosen', NO_CHOICE, { type: 'toggle', facet: 'topics', value: 'Sport' }, { query: '', selection: sel({ topics: ['Sport'] }), pages: 1 }],
      ['a chosen value, however it is spelt, is unchosen and its group goes', searching, { type: 'toggle', facet: 'topics', value: ' LIBRARIES' }, { query: 'libary', selection: sel({}), sort: 'title', pages: 1 }],
      ['a value is added after the others of its group', searching, { type: 'toggle', facet: 'topics', value: 'Arts' }, { ...searching, selection: sel({ topics: ['Libraries', 'Arts'] }), pages: 1 }],
      ['remove takes a chosen value away', searching, { type: 'remove', facet: 'topics', value: 'Libraries' }, { query: 'libary', selection: sel({}), sort: 'title', pages: 1 }],
      ['remove of a value not chosen changes nothing', searching, { type: 'remove', facet: 'topics', value: 'Arts' }, searching],
      ['clear forgets everything', searching, { type: 'clear' }, NO_CHOICE],
      ['a suggestion is searched from page 1, keeping the order', searching, { type: 'suggest', query: 'museum' }, { ...searching, query: 'museum', pages: 1 }],
      ['an order is chosen from page 1', searching, { type: 'sort', sort: 'newest' }, { ...searching, sort: 'newest', pages: 1 }],
      ['an order that is not one is the default', searching, { type: 'sort', sort: 'random' }, { query: 'libary', selection: searching.selection, pages: 1 }],
      ['more shows one more page and keeps the rest', searching, { type: 'more' }, { ...searching, pages: 4 }],
    ];
    for (const [name, before, action, after] of cases) {
      it(name, () => {
        expect(plain(choose(before, action))).to.deep.equal(plain(after));
      });
    }

    it('never changes the choice it is given', () => {
      const before: Choice = { query: 'a', selection: sel({ topics: ['Sport'] }), pages: 2 };
      choose(before, { type: 'toggle', facet: 'topics', value: 'Arts' });
      expect(plain(before)).to.deep.equal({ query: 'a', selection: { topics: ['Sport'] }, pages: 2 });
    });
  });

  describe('fromSaved', () => {
    const known = (facet: string, value: string) =>
      facet === 'topics' ? ({ libraries: 'Libraries', sport: 'Sport' } as Record<string, string>)[value.trim().toLowerCase()] : undefined;
    const cases: Array<[string, Parameters<typeof fromSaved>[0], number, Choice]> = [
      ['keeps known values in the feed spelling', { query: 'q', filters: sel({ topics: ['sport'] }), pages: 1 }, 16, { query: 'q', selection: sel({ topics: ['Sport'] }), pages: 1 }],
      ['drops values and facets the feed does not have', { query: '', filters: sel({ topics: ['Nope'], region: ['North'] }), pages: 1 }, 16, { query: '', selection: sel({}), pages: 1 }],
      ['one choice for many spellings of one value', { query: '', filters: sel({ topics: ['SPORT', 'sport', ' Sport'] }), pages: 1 }, 16, { query: '', selection: sel({ topics: ['Sport'] }), pages: 1 }],
      ['pages bounded by what may be drawn', { query: '', filters: sel({}), pages: 1000 }, 16, { query: '', selection: sel({}), pages: 16 }],
      ['a known order', { query: '', filters: sel({}), sort: 'oldest', pages: 1 }, 16, { query: '', selection: sel({}), sort: 'oldest', pages: 1 }],
      ['an unknown order is left out', { query: '', filters: sel({}), sort: 'random', pages: 1 }, 16, { query: '', selection: sel({}), pages: 1 }],
    ];
    for (const [name, saved, maxPages, expected] of cases) {
      it(name, () => {
        expect(plain(fromSaved(saved, known, maxPages))).to.deep.equal(plain(expected));
      });
    }
  });

  describe('toSaved and toDetailFilters', () => {
    it('saves what the history and the address keep, and back', () => {
      const choice: Choice = { query: 'swim', selection: sel({ topics: ['Sport'] }), sort: 'newest', pages: 2 };
      expect(toSaved(choice)).to.deep.equal({ query: 'swim', filters: sel({ topics: ['Sport'] }), sort: 'newest', pages: 2 });
      expect(plain(fromSaved(toSaved(choice), (_, value) => value, 10))).to.deep.equal(plain(choice));
    });

    it('gives listeners an object without a prototype, feed keys and all', () => {
      const filters = toDetailFilters({ query: '', selection: sel({ toString: ['A'], topics: [] }), pages: 1 });
      expect(Object.getPrototypeOf(filters)).to.equal(null);
      expect({ ...filters }).to.deep.equal({ toString: ['A'] });
    });
  });
});
