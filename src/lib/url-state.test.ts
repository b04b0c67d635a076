import { expect } from '@open-wc/testing';
import { MAX_CHOSEN, readFilterAttribute, readSavedState, readUrlState, writeUrlState } from './url-state.js';

const FACETS = ['topics', 'supportTypes'];
const f = (filters: Record<string, string[]>) => new Map(Object.entries(filters));

describe('url-state', () => {
  describe('readUrlState', () => {
    const cases: Array<[string, string, ReturnType<typeof readUrlState>]> = [
      ['', '', { query: '', filters: f({}), pages: 1 }],
      ['?q=libary', '', { query: 'libary', filters: f({}), pages: 1 }],
      [
        '?q=libary&topics=Libraries&topics=Early+years&sort=newest',
        '',
        { query: 'libary', filters: f({ topics: ['Libraries', 'Early years'] }), sort: 'newest', pages: 1 },
      ],
      ['?page=3', '', { query: '', filters: f({}), pages: 3 }],
      ['?page=-2', '', { query: '', filters: f({}), pages: 1 }],
      ['?page=1.5', '', { query: '', filters: f({}), pages: 1 }],
      ['?page=abc', '', { query: '', filters: f({}), pages: 1 }],
      ['?page=99999999', '', { query: '', filters: f({}), pages: 1000 }],
      ['?topics=&topics=%20', '', { query: '', filters: f({}), pages: 1 }],
      ['?topics=A&topics=A', '', { query: '', filters: f({ topics: ['A'] }), pages: 1 }],
      ['?q=host&csf-q=ours&csf-topics=Sport', 'csf-', { query: 'ours', filters: f({ topics: ['Sport'] }), pages: 1 }],
      ['?unknown=1&regions=North', '', { query: '', filters: f({}), pages: 1 }],
      ['?toString=a&__proto__=b&constructor=c', '', { query: '', filters: f({}), pages: 1 }],
      ['?q=%E0%A4%A', '', { query: '\uFFFD%A', filters: f({}), pages: 1 }],
      // Spellings that fold to one value are one choice, the first spelling kept.
      ['?topics=Libraries&topics=LIBRARIES&topics=+libraries+&topics=Sport', '', { query: '', filters: f({ topics: ['Libraries', 'Sport'] }), pages: 1 }],
      [`?topics=${'x'.repeat(501)}&topics=${'y'.repeat(500)}`, '', { query: '', filters: f({ topics: ['y'.repeat(500)] }), pages: 1 }],
    ];
    for (const [search, prefix, expected] of cases) {
      it(`reads ${search || '(nothing)'}${prefix ? ` with prefix ${prefix}` : ''}`, () => {
        expect(readUrlState(search, prefix, FACETS)).to.deep.equal(expected);
      });
    }
  });

  describe('writeUrlState', () => {
    const cases: Array<[string, string, Parameters<typeof writeUrlState>[3], string]> = [
      ['', '', { query: '', filters: f({}), pages: 1 }, ''],
      ['', '', { query: 'libary', filters: f({ topics: ['Libraries', 'Early years'] }), sort: 'newest', pages: 1 }, '?q=libary&topics=Libraries&topics=Early+years&sort=newest'],
      ['?id=7', '', { query: 'swim', filters: f({}), pages: 2 }, '?id=7&q=swim&page=2'],
      ['?q=old&topics=Old', '', { query: '', filters: f({}), pages: 1 }, ''],
      ['?q=host', 'csf-', { query: 'ours', filters: f({}), pages: 1 }, '?q=host&csf-q=ours'],
      ['?a-q=one&b-q=two', 'b-', { query: 'three', filters: f({}), pages: 1 }, '?a-q=one&b-q=three'],
      ['', '', { query: '   ', filters: f({}), pages: 1 }, ''],
    ];
    for (const [search, prefix, state, expected] of cases) {
      it(`writes ${JSON.stringify(state)} over ${search || '(nothing)'}`, () => {
        expect(writeUrlState(search, prefix, FACETS, state)).to.equal(expected);
      });
    }

    it('reads and writes facets named like Object.prototype members', () => {
      const odd = ['toString', '__proto__', 'hasOwnProperty'];
      const state = readUrlState('?toString=Red&__proto__=x&hasOwnProperty=Yes', '', odd);
      expect(state.filters).to.deep.equal(
        new Map([
          ['toString', ['Red']],
          ['__proto__', ['x']],
          ['hasOwnProperty', ['Yes']],
        ]),
      );
      expect(writeUrlState('', '', odd, state)).to.equal('?toString=Red&__proto__=x&hasOwnProperty=Yes');
    });

    it('round-trips', () => {
      const state = { query: 'ynys môn & co', filters: f({ topics: ['Arts & culture'], supportTypes: ['A|B'] }), sort: 'title', pages: 4 };
      expect(readUrlState(writeUrlState('?x=1', 'p-', FACETS, state), 'p-', FACETS)).to.deep.equal(state);
    });
  });

  describe('readFilterAttribute', () => {
    // Entries, not an object literal: `{ __proto__: … }` would set a prototype, not a key.
    const cases: Array<[string | undefined, Array<[string, string[]]>]> = [
      [undefined, []],
      ['', []],
      ['topics:Libraries', [['topics', ['Libraries']]]],
      [' topics : Libraries ; topics:Sport;supportTypes:Funding ', [['topics', ['Libraries', 'Sport']], ['supportTypes', ['Funding']]]],
      ['topics:Arts: culture and heritage', [['topics', ['Arts: culture and heritage']]]],
      ['Libraries;:Sport;topics:;;topics', []],
      ['toString:A;__proto__:B;constructor:C', [['toString', ['A']], ['__proto__', ['B']], ['constructor', ['C']]]],
    ];
    for (const [filter, expected] of cases) {
      it(`reads ${JSON.stringify(filter)}`, () => {
        expect([...readFilterAttribute(filter)]).to.deep.equal(expected);
      });
    }
  });

  describe('bounds on what is read as chosen', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `value ${i}`);

    it(`reads at most ${MAX_CHOSEN} values of a facet from an address`, () => {
      const search = `?${many.map((v) => `topics=${encodeURIComponent(v)}`).join('&')}`;
      expect(readUrlState(search, '', FACETS).filters.get('topics')).to.deep.equal(many.slice(0, MAX_CHOSEN));
    });

    const saved = (filters: unknown) => readSavedState({ k: { query: '', filters, pages: 1 } }, 'k')?.filters;
    const cases: Array<[string, unknown, Map<string, string[]>]> = [
      ['copies of one value', [['topics', Array(100_000).fill('Libraries')]], f({ topics: ['Libraries'] })],
      ['spellings of one value', [['topics', ['Libraries', ' libraries', 'LIBRARIES ']]], f({ topics: ['Libraries'] })],
      ['values that are not text', [['topics', [1, null, {}, ['Sport'], 'Sport']]], f({ topics: ['Sport'] })],
      ['thousands of distinct values', [['topics', many]], f({ topics: many.slice(0, MAX_CHOSEN) })],
      [
        'thousands of facets',
        Array.from({ length: 1000 }, (_, i) => [`facet${i}`, ['a']]),
        new Map(Array.from({ length: 50 }, (_, i) => [`facet${i}`, ['a']])),
      ],
    ];
    for (const [name, filters, expected] of cases) {
      it(`a saved state with ${name}`, () => {
        expect(saved(filters)).to.deep.equal(expected);
      });
    }
  });
});
