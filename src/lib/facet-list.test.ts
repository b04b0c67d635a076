import { expect } from '@open-wc/testing';
import { DRAWN_AT_MOST, FOLDED_SIZE, listValues } from './facet-list.js';
import type { FacetValue } from './facets.js';
import { fold } from './text.js';

/** Values as the FacetIndex gives them: in alphabetical order, with counts and choices. */
function values(spec: Array<[label: string, count: number, selected?: boolean]>): FacetValue[] {
  return spec
    .map(([label, count, selected = false]) => ({ key: label.toLowerCase(), label, folded: fold(label), count, selected }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}

const labels = (list: ReturnType<typeof listValues>) => list.shown.map((value) => value.label);
const NONE = { expanded: false, narrow: '' };

// 20 councils; counts chosen so the top ten are clear: A…J have 20…11, K…T have 1…0.
const COUNCILS = values(
  'Aberdeen Bedford Cardiff Derby Exeter Fife Gwynedd Hull Islington Jersey Kent Leeds Môn Newport Oxford Powys Quinton Reading Sefton Torbay'
    .split(' ')
    .map((name, at): [string, number] => [name, at < 10 ? 20 - at : at < 18 ? 1 : 0]),
);

describe('listValues', () => {
  it('shows every value of a short group, in its order, with nothing to fold or narrow', () => {
    const small = values([
      ['Libraries', 3],
      ['Arts', 0],
      ['Sport', 5],
    ]);
    const list = listValues(small, NONE);
    expect(labels(list)).to.deep.equal(['Arts', 'Libraries', 'Sport']);
    expect(list).to.include({ foldable: false, narrowable: false, matching: 3, undrawn: 0 });
  });

  it('folds a long group to its ten values with most case studies, kept in the group order', () => {
    const list = listValues(COUNCILS, NONE);
    expect(list).to.include({ foldable: true, narrowable: true });
    expect(labels(list)).to.deep.equal('Aberdeen Bedford Cardiff Derby Exeter Fife Gwynedd Hull Islington Jersey'.split(' '));
    expect(list.shown).to.have.length(FOLDED_SIZE);
  });

  it('always shows chosen values, even those outside the ten and those with no case studies', () => {
    const chosen = COUNCILS.map((value) => (value.label === 'Torbay' || value.label === 'Leeds' ? { ...value, selected: true } : value));
    expect(labels(listValues(chosen, NONE))).to.deep.equal(
      'Aberdeen Bedford Cardiff Derby Exeter Fife Gwynedd Hull Islington Jersey Leeds Torbay'.split(' '),
    );
  });

  it('does not move a value when it is chosen (its group counts do not depend on it)', () => {
    const before = labels(listValues(COUNCILS, NONE));
    const chosen = COUNCILS.map((value) => (value.label === 'Derby' ? { ...value, selected: true } : value));
    expect(labels(listValues(chosen, NONE))).to.deep.equal(before);
  });

  it('shows all when asked, those with no case studies last', () => {
    const list = listValues(COUNCILS, { expanded: true, narrow: '' });
    expect(labels(list).slice(-2)).to.deep.equal(['Sefton', 'Torbay']);
    expect(list.shown).to.have.length(20);
  });

  const narrowing: Array<[string, string[]]> = [
    ['wakefield', []],
    ['der', ['Derby']],
    ['DERBY', ['Derby']],
    ['mon', ['Môn']],
    ['MÔN', ['Môn']],
    ['  new   port ', ['Newport']],
    // Those that would give case studies first, then those that would not (Sefton, Torbay).
    ['o', ['Bedford', 'Islington', 'Môn', 'Newport', 'Oxford', 'Powys', 'Quinton', 'Sefton', 'Torbay']],
  ];
  for (const [typed, expected] of narrowing) {
    it(`narrows to the values whose name has every word typed: ${JSON.stringify(typed)}`, () => {
      const list = listValues(COUNCILS, { expanded: false, narrow: typed });
      expect(labels(list)).to.deep.equal(expected);
      expect(list.matching).to.equal(expected.length);
    });
  }

  const joined = values(
    ['Brighton and Hove City Council', 'Bristol City Council', 'Arts & Culture', 'Sandwell Council', 'Newry, Mourne and Down', ...'ABCDEFGHIJKL']
      .map((name): [string, number] => [name, 1]),
  );
  const ampersands: Array<[string, string[]]> = [
    ['brighton &', ['Brighton and Hove City Council']],
    ['brighton&hove', ['Brighton and Hove City Council']],
    ['Brighton & Hove', ['Brighton and Hove City Council']],
    ['arts and', ['Arts & Culture']],
    ['arts&', ['Arts & Culture']],
    ['mourne & down', ['Newry, Mourne and Down']],
    ['&', ['Arts & Culture', 'Brighton and Hove City Council', 'Newry, Mourne and Down', 'Sandwell Council']],
  ];
  for (const [typed, expected] of ampersands) {
    it(`takes "&" and "and" as one word: ${JSON.stringify(typed)}`, () => {
      expect(labels(listValues(joined, { expanded: false, narrow: typed }))).to.deep.equal(expected);
    });
  }

  it('keeps chosen values in view while narrowing, and counts only the matches', () => {
    const chosen = COUNCILS.map((value) => (value.label === 'Kent' ? { ...value, selected: true } : value));
    const list = listValues(chosen, { expanded: false, narrow: 'zzz' });
    expect(labels(list)).to.deep.equal(['Kent']);
    expect(list.matching).to.equal(0);
  });

  it('ignores the box of a short group (it has none)', () => {
    const small = values([
      ['Libraries', 3],
      ['Sport', 5],
    ]);
    expect(labels(listValues(small, { expanded: false, narrow: 'lib' }))).to.deep.equal(['Libraries', 'Sport']);
  });

  it(`draws at most ${DRAWN_AT_MOST} values of a huge group, and says how many it left out`, () => {
    const huge = values(Array.from({ length: 10_000 }, (_, at): [string, number] => [`Topic ${String(at).padStart(5, '0')}`, at % 7]));
    const all = listValues(huge, { expanded: true, narrow: '' });
    expect(all.shown).to.have.length(DRAWN_AT_MOST);
    expect(all.undrawn).to.equal(huge.filter((value) => value.count > 0).length + huge.filter((value) => value.count === 0).length - DRAWN_AT_MOST);
    expect(all.shown.every((value) => value.count > 0)).to.equal(true);
    const narrowed = listValues(huge, { expanded: false, narrow: '0999' });
    expect(narrowed.matching).to.equal(11);
    expect(narrowed.undrawn).to.equal(0);
    // Topic 00999 and 09990 … 09999 (count: the number % 7): the one with none, 09996, comes last.
    expect(labels(narrowed)).to.deep.equal(['00999', '09990', '09991', '09992', '09993', '09994', '09995', '09997', '09998', '09999', '09996'].map((n) => `Topic ${n}`));
  });
});
