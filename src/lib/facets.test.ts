import { expect } from '@open-wc/testing';
import { FacetIndex, fieldValues, valueKey, type Selection } from './facets.js';
import { parseFeed } from './feed.js';

/*
 * The table every case below is counted against, by hand:
 *
 *   #  topics                    supportTypes            region
 *   0  Libraries, Early years    Culture hub             North
 *   1  Libraries                 Funding                 South
 *   2  Sport                     Culture hub, Funding    North
 *   3  early years (2nd spelling)                        —
 *   4  —                         Funding                 South
 *   5  Éducation                 culture HUB (2nd sp.)   —
 */
const { items } = parseFeed([
  { id: '0', title: 'Zero', url: '/0', topics: ['Libraries', 'Early years'], supportTypes: ['Culture hub'], region: 'North' },
  { id: '1', title: 'One', url: '/1', topics: ['Libraries'], supportTypes: ['Funding'], region: 'South' },
  { id: '2', title: 'Two', url: '/2', topics: ['Sport'], supportTypes: ['Culture hub', 'Funding'], region: 'North' },
  { id: '3', title: 'Three', url: '/3', topics: ['early years'] },
  { id: '4', title: 'Four', url: '/4', supportTypes: 'Funding', region: 'South' },
  { id: '5', title: 'Five', url: '/5', topics: 'Éducation', supportTypes: 'culture HUB', organisation: 'Gwynedd' },
]);
const ALL = [0, 1, 2, 3, 4, 5];
const chosen = (selection: Record<string, string[]>): Selection => new Map(Object.entries(selection));
const index = new FacetIndex(items, ['topics', 'supportTypes']);

/** Chips of a facet as "Label count" (with a * when selected), in display order. */
function chips(result: ReturnType<FacetIndex['apply']>, facet: string): string[] {
  const group = result.facets.find((f) => f.key === facet)!;
  return group.values.map((v) => `${v.label} ${v.count}${v.selected ? '*' : ''}`);
}

describe('FacetIndex.apply', () => {
  const cases: Array<{
    name: string;
    matches?: number[];
    selection: Record<string, string[]>;
    results: number[];
    topics: string[];
    supportTypes: string[];
  }> = [
    {
      name: 'empty selection: every match, plain counts',
      selection: {},
      results: ALL,
      topics: ['Early years 2', 'Éducation 1', 'Libraries 2', 'Sport 1'],
      supportTypes: ['Culture hub 3', 'Funding 3'],
    },
    {
      name: 'an empty list counts as no selection',
      selection: { topics: [], supportTypes: [] },
      results: ALL,
      topics: ['Early years 2', 'Éducation 1', 'Libraries 2', 'Sport 1'],
      supportTypes: ['Culture hub 3', 'Funding 3'],
    },
    {
      name: 'one value: its facet keeps plain counts, the other facet counts within it',
      selection: { topics: ['Libraries'] },
      results: [0, 1],
      topics: ['Early years 2', 'Éducation 1', 'Libraries 2*', 'Sport 1'],
      supportTypes: ['Culture hub 1', 'Funding 1'],
    },
    {
      name: 'two values in one facet widen (OR)',
      selection: { topics: ['Libraries', 'Sport'] },
      results: [0, 1, 2],
      topics: ['Early years 2', 'Éducation 1', 'Libraries 2*', 'Sport 1*'],
      supportTypes: ['Culture hub 2', 'Funding 2'],
    },
    {
      name: 'values in two facets narrow (AND), each counted against the other',
      selection: { topics: ['Libraries'], supportTypes: ['Funding'] },
      results: [1],
      // topics counted over items with Funding: 1, 2, 4
      topics: ['Early years 0', 'Éducation 0', 'Libraries 1*', 'Sport 1'],
      // supportTypes counted over items with Libraries: 0, 1
      supportTypes: ['Culture hub 1', 'Funding 1*'],
    },
    {
      name: 'OR inside and AND across together',
      selection: { topics: ['Libraries', 'Sport'], supportTypes: ['Culture hub'] },
      results: [0, 2],
      // topics counted over items with Culture hub: 0, 2, 5
      topics: ['Early years 1', 'Éducation 1', 'Libraries 1*', 'Sport 1*'],
      // supportTypes counted over items with Libraries or Sport: 0, 1, 2
      supportTypes: ['Culture hub 2*', 'Funding 2'],
    },
    {
      name: 'values are compared case-insensitively',
      selection: { topics: ['EARLY YEARS'], supportTypes: [' culture hub '] },
      results: [0],
      // topics over Culture hub items 0, 2, 5; supportTypes over early years items 0, 3
      topics: ['Early years 1*', 'Éducation 1', 'Libraries 1', 'Sport 1'],
      supportTypes: ['Culture hub 1*', 'Funding 0'],
    },
    {
      name: 'a value the feed does not have gives no results but keeps the chips',
      selection: { topics: ['Knitting'] },
      results: [],
      topics: ['Early years 2', 'Éducation 1', 'Libraries 2', 'Sport 1'],
      supportTypes: ['Culture hub 0', 'Funding 0'],
    },
    {
      name: 'a facet that is not indexed is ignored',
      selection: { region: ['North'] },
      results: ALL,
      topics: ['Early years 2', 'Éducation 1', 'Libraries 2', 'Sport 1'],
      supportTypes: ['Culture hub 3', 'Funding 3'],
    },
    {
      name: 'counts only the matches of the query, in their rank order',
      matches: [4, 2, 0],
      selection: {},
      results: [4, 2, 0],
      topics: ['Early years 1', 'Éducation 0', 'Libraries 1', 'Sport 1'],
      supportTypes: ['Culture hub 2', 'Funding 2'],
    },
    {
      name: 'filters the matches and keeps their rank order',
      matches: [5, 2, 1, 0],
      selection: { supportTypes: ['Culture hub'] },
      results: [5, 2, 0],
      topics: ['Early years 1', 'Éducation 1', 'Libraries 1', 'Sport 1'],
      supportTypes: ['Culture hub 3*', 'Funding 2'],
    },
    {
      name: 'no matches: every chip counts 0',
      matches: [],
      selection: { topics: ['Sport'] },
      results: [],
      topics: ['Early years 0', 'Éducation 0', 'Libraries 0', 'Sport 0*'],
      supportTypes: ['Culture hub 0', 'Funding 0'],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = index.apply(Int32Array.from(c.matches ?? ALL), chosen(c.selection));
      expect(result.results).to.deep.equal(c.results);
      expect(chips(result, 'topics')).to.deep.equal(c.topics);
      expect(chips(result, 'supportTypes')).to.deep.equal(c.supportTypes);
    });
  }

  it('gives one group per facet key, in the order given', () => {
    const reversed = new FacetIndex(items, ['supportTypes', 'topics']);
    expect(reversed.apply(ALL, chosen({})).facets.map((f) => f.key)).to.deep.equal(['supportTypes', 'topics']);
  });

  it('shows the first spelling and folds the key', () => {
    const topics = index.apply(ALL, chosen({})).facets[0]!.values;
    expect(topics.find((v) => v.key === 'early years')!.label).to.equal('Early years');
    const support = index.apply(ALL, chosen({})).facets[1]!.values;
    expect(support.map((v) => [v.key, v.label])).to.deep.equal([
      ['culture hub', 'Culture hub'],
      ['funding', 'Funding'],
    ]);
  });

  it('orders chips alphabetically, ignoring case and accents, whatever the feed order', () => {
    const { items: mixed } = parseFeed([
      { title: 'a', url: '/a', topics: ['zebra crossings', 'Apples', 'éclairs'] },
      { title: 'b', url: '/b', topics: ['Bananas', 'apricots', 'Eggs'] },
    ]);
    const values = new FacetIndex(mixed, ['topics']).apply([0, 1], chosen({})).facets[0]!.values;
    expect(values.map((v) => v.label)).to.deep.equal(['Apples', 'apricots', 'Bananas', 'éclairs', 'Eggs', 'zebra crossings']);
  });

  it('keeps the chip order while the selection and the matches change', () => {
    const order = (selection: Record<string, string[]>, matches: number[]) =>
      index.apply(matches, chosen(selection)).facets.map((f) => f.values.map((v) => v.key));
    const first = order({}, ALL);
    expect(order({ topics: ['Sport'] }, [2])).to.deep.equal(first);
    expect(order({ supportTypes: ['Funding'] }, [])).to.deep.equal(first);
  });

  it('uses organisation and extra fields as facets', () => {
    const byRegion = new FacetIndex(items, ['region', 'organisation']);
    const result = byRegion.apply(ALL, chosen({ region: ['north'] }));
    expect(result.results).to.deep.equal([0, 2]);
    expect(chips(result, 'region')).to.deep.equal(['North 2*', 'South 2']);
    expect(chips(result, 'organisation')).to.deep.equal(['Gwynedd 0']);
  });

  it('gives an empty group for a field no item has', () => {
    const result = new FacetIndex(items, ['nothing']).apply(ALL, chosen({}));
    expect(result.facets).to.deep.equal([{ key: 'nothing', values: [] }]);
    expect(result.results).to.deep.equal(ALL);
  });

  it('takes facet keys named like Object.prototype members as plain names', () => {
    const { items: odd } = parseFeed([
      { title: 'a', url: '/a', toString: 'Red', valueOf: ['Big'], hasOwnProperty: 'Yes' },
      { title: 'b', url: '/b', toString: 'Blue' },
    ]);
    const keys = ['toString', 'valueOf', 'hasOwnProperty', 'constructor', '__proto__', 'isPrototypeOf'];
    const facets = new FacetIndex(odd, keys);
    const result = facets.apply([0, 1], chosen({ toString: ['red'] }));
    expect(result.results).to.deep.equal([0]);
    expect(result.facets.map((group) => [group.key, group.values.map((v) => `${v.label} ${v.count}`)])).to.deep.equal([
      ['toString', ['Blue 1', 'Red 1']],
      ['valueOf', ['Big 1']],
      ['hasOwnProperty', ['Yes 1']],
      ['constructor', []],
      ['__proto__', []],
      ['isPrototypeOf', []],
    ]);
    // A selection naming them, with nothing chosen, narrows nothing.
    expect(facets.apply([0, 1], new Map()).results).to.deep.equal([0, 1]);
  });

  it('looks up labels by value key, case-insensitively', () => {
    expect(index.label('topics', 'EARLY YEARS')).to.equal('Early years');
    expect(index.label('topics', 'knitting')).to.equal(undefined);
    expect(index.label('region', 'north')).to.equal(undefined);
  });
});

describe('the year facet', () => {
  // Dated as feeds date them: with a time and an offset, the year as written (00:30 on New
  // Year's Day in +01:00 is still the new year), a feed's own year field, and no date at all.
  const { items: dated } = parseFeed([
    { id: 'a', title: 'a', url: '/a', date: '2019-03-01', topics: ['Parks'] },
    { id: 'b', title: 'b', url: '/b', date: '2024-01-01T00:30:00+01:00', topics: ['Libraries'] },
    { id: 'c', title: 'c', url: '/c', date: '2021-06-12', topics: ['Libraries'] },
    { id: 'd', title: 'd', url: '/d', date: '2024-06-12T00:30:00+01:00', topics: ['Parks'] },
    { id: 'e', title: 'e', url: '/e', topics: ['Parks'] },
    { id: 'f', title: 'f', url: '/f', year: '2010', topics: ['Libraries'] },
  ]);
  const years = new FacetIndex(dated, ['year', 'topics']);

  it('offers the years present, newest first, with their counts', () => {
    expect(chips(years.apply([0, 1, 2, 3, 4, 5], chosen({})), 'year')).to.deep.equal(['2024 2', '2021 1', '2019 1', '2010 1']);
  });

  it('counts like any other group: OR within, AND across, disjunctive', () => {
    const result = years.apply([0, 1, 2, 3, 4, 5], chosen({ year: ['2024', '2019'], topics: ['Parks'] }));
    expect(result.results).to.deep.equal([0, 3]);
    expect(chips(result, 'year')).to.deep.equal(['2024 1*', '2021 0', '2019 1*', '2010 0']);
    expect(chips(result, 'topics')).to.deep.equal(['Libraries 1', 'Parks 2*']);
  });

  it('keeps its order while the search narrows the matches', () => {
    expect(chips(years.apply([2, 0], chosen({})), 'year')).to.deep.equal(['2024 0', '2021 1', '2019 1', '2010 0']);
  });

  it('reads the year as the date writes it', () => {
    expect(dated.map((item) => fieldValues(item, 'year'))).to.deep.equal([['2019'], ['2024'], ['2021'], ['2024'], [], ['2010']]);
  });
});

describe('valueKey', () => {
  const cases: Array<[string, string]> = [
    ['Early Years', 'early years'],
    ['  early years ', 'early years'],
    ['MÔN', 'môn'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(valueKey(input)).to.equal(expected);
    });
  }
});

describe('fieldValues', () => {
  const cases: Array<[string, number, readonly string[]]> = [
    ['topics', 0, ['Libraries', 'Early years']],
    ['supportTypes', 4, ['Funding']],
    ['keywords', 0, []],
    ['organisation', 5, ['Gwynedd']],
    ['organisation', 0, []],
    ['region', 1, ['South']],
    ['region', 3, []],
    ['title', 0, []],
    ['toString', 0, []],
    ['__proto__', 0, []],
  ];
  for (const [field, at, expected] of cases) {
    it(`${field} of item ${at}`, () => {
      expect(fieldValues(items[at]!, field)).to.deep.equal(expected);
    });
  }
});

describe('FacetIndex.building (a large feed, in steps)', () => {
  // 2,000 items with a value of their own each, and one value they share.
  const many = parseFeed(
    Array.from({ length: 2000 }, (_, at) => ({ id: `${at}`, title: `Item ${at}`, url: `/${at}`, topics: [`Topic ${1999 - at}`, 'Shared'] })),
  ).items;

  it('pauses between steps and gives the same index as building it at once', () => {
    const steps = FacetIndex.building(many, ['topics', 'supportTypes']);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // Per 500 items and per 500 values, for each facet.
    expect(pauses).to.be.at.least(8);
    const stepped = step.value.apply([0, 1, 1999], chosen({ topics: ['Topic 0'] }));
    const atOnce = new FacetIndex(many, ['topics', 'supportTypes']).apply([0, 1, 1999], chosen({ topics: ['Topic 0'] }));
    expect(stepped).to.deep.equal(atOnce);
    expect(stepped.results).to.deep.equal([1999]);
    expect(chips(stepped, 'topics').slice(0, 3)).to.deep.equal(['Shared 3', 'Topic 0 1*', 'Topic 1 0']);
  });
});
