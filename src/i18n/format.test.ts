import { expect } from '@open-wc/testing';
import { cy } from './cy.js';
import { en } from './en.js';
import { fill, formatCount, formatDate, plural, stringsFor, toLang, type Lang } from './format.js';

describe('plural', () => {
  const table: Array<[Lang, keyof typeof en & ('resultCount' | 'announceCount'), number, string]> = [
    ['en', 'resultCount', 0, 'Your search returned 0 results'],
    ['en', 'resultCount', 1, 'Your search returned 1 result'],
    ['en', 'resultCount', 2, 'Your search returned 2 results'],
    ['en', 'resultCount', 3, 'Your search returned 3 results'],
    ['en', 'resultCount', 6, 'Your search returned 6 results'],
    ['en', 'resultCount', 11, 'Your search returned 11 results'],
    ['en', 'resultCount', 100, 'Your search returned 100 results'],
    ['en', 'resultCount', 1000, 'Your search returned 1,000 results'],
    ['en', 'announceCount', 0, '0 results'],
    ['en', 'announceCount', 1, '1 result'],
    ['en', 'announceCount', 2, '2 results'],
    ['en', 'announceCount', 3, '3 results'],
    ['en', 'announceCount', 6, '6 results'],
    ['en', 'announceCount', 11, '11 results'],
    ['en', 'announceCount', 100, '100 results'],
    // Welsh: zero, one, two (soft mutation), few = 3 and many = 6 (aspirate mutation), other.
    ['cy', 'resultCount', 0, 'Ni ddaeth eich chwiliad o hyd i unrhyw ganlyniadau'],
    ['cy', 'resultCount', 1, 'Daeth eich chwiliad o hyd i 1 canlyniad'],
    ['cy', 'resultCount', 2, 'Daeth eich chwiliad o hyd i 2 ganlyniad'],
    ['cy', 'resultCount', 3, 'Daeth eich chwiliad o hyd i 3 chanlyniad'],
    ['cy', 'resultCount', 6, 'Daeth eich chwiliad o hyd i 6 chanlyniad'],
    ['cy', 'resultCount', 11, 'Daeth eich chwiliad o hyd i 11 canlyniad'],
    ['cy', 'resultCount', 100, 'Daeth eich chwiliad o hyd i 100 canlyniad'],
    ['cy', 'resultCount', 1000, 'Daeth eich chwiliad o hyd i 1,000 canlyniad'],
    ['cy', 'announceCount', 0, 'Dim canlyniadau'],
    ['cy', 'announceCount', 1, '1 canlyniad'],
    ['cy', 'announceCount', 2, '2 ganlyniad'],
    ['cy', 'announceCount', 3, '3 chanlyniad'],
    ['cy', 'announceCount', 6, '6 chanlyniad'],
    ['cy', 'announceCount', 11, '11 canlyniad'],
    ['cy', 'announceCount', 100, '100 canlyniad'],
  ];
  const strings = { en, cy };
  for (const [lang, key, count, expected] of table) {
    it(`${lang} ${key} ${count} → ${expected}`, () => {
      expect(plural(lang, strings[lang][key], count)).to.equal(expected);
    });
  }

  const categories: Array<[number, Intl.LDMLPluralRule]> = [
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'few'],
    [6, 'many'],
    [11, 'other'],
    [100, 'other'],
  ];
  for (const [count, category] of categories) {
    it(`picks the Welsh "${category}" form for ${count}`, () => {
      const forms = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };
      expect(plural('cy', forms, count)).to.equal(category);
    });
  }

  it('falls back to "other" when a language has no form for a category', () => {
    expect(plural('cy', { other: '{count} canlyniad' }, 2)).to.equal('2 canlyniad');
    expect(plural('en', { one: 'one', other: 'many' }, 0)).to.equal('many');
  });

  it('fills other values as well as the count', () => {
    expect(plural('en', { one: '{count} {thing}', other: '{count} {thing}s' }, 2, { thing: 'chip' })).to.equal('2 chips');
  });

  it('has a Welsh form for every category Welsh uses, in every plural text', () => {
    const rules = new Intl.PluralRules('cy-GB');
    for (const [key, value] of Object.entries(cy)) {
      if (typeof value !== 'object' || !('other' in value)) continue;
      for (const count of [1, 2, 3, 6, 11]) {
        const category = rules.select(count);
        expect(category in value, `${key} has no "${category}" form`).to.equal(true);
      }
    }
  });
});

describe('formatCount', () => {
  it('groups digits in threes with commas, as en-GB does', () => {
    const britishNumbers = new Intl.NumberFormat('en-GB');
    const counts = [0, 1, 7, 12, 999, 1000, 1001, 9999, 10000, 12345, 99999, 100000, 999999, 1000000, 50000, 2147483647];
    for (let n = 1; n < 10_000_000; n = n * 3 + 1) counts.push(n);
    for (const count of counts) expect(formatCount(count), String(count)).to.equal(britishNumbers.format(count));
  });

  it('is what English and Welsh texts show', () => {
    expect(plural('en', en.resultCount, 3000)).to.equal('Your search returned 3,000 results');
    expect(plural('cy', cy.resultCount, 1234)).to.contain('1,234');
  });
});

describe('formatDate', () => {
  it('names every month as en-GB does', () => {
    const britishDates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let month = 0; month < 12; month++) {
      const time = Date.UTC(2025, month, 9);
      expect(formatDate('en', time)).to.equal(britishDates.format(time));
    }
  });

  const table: Array<[Lang, number, string]> = [
    ['en', Date.UTC(2021, 5, 14), '14 June 2021'],
    ['en', Date.UTC(2024, 0, 1), '1 January 2024'],
    ['en', Date.UTC(2023, 11, 31, 23, 59), '31 December 2023'],
  ];
  for (const [lang, time, expected] of table) {
    it(`${lang}: ${new Date(time).toISOString()} → ${expected}`, () => {
      expect(formatDate(lang, time)).to.equal(expected);
    });
  }

  it('reads the day in UTC, whatever the visitor\'s time zone', () => {
    expect(formatDate('en', Date.UTC(2021, 5, 14, 0, 0))).to.equal('14 June 2021');
    expect(formatDate('en', Date.UTC(2021, 5, 14, 23, 59))).to.equal('14 June 2021');
  });

  const welsh: Array<[number, string]> = [
    [Date.UTC(2021, 5, 14), '14 Mehefin 2021'],
    [Date.UTC(2024, 0, 1), '1 Ionawr 2024'],
    [Date.UTC(2023, 11, 31, 23, 59), '31 Rhagfyr 2023'],
  ];
  for (const [time, expected] of welsh) {
    it(`cy: ${new Date(time).toISOString()} → ${expected}`, () => {
      expect(formatDate('cy', time)).to.equal(expected);
    });
  }
});

describe('toLang', () => {
  const table: Array<[string | null | undefined, Lang]> = [
    ['cy', 'cy'],
    ['cy-GB', 'cy'],
    ['CY', 'cy'],
    ['Cy-gb', 'cy'],
    [' cy ', 'cy'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['cym', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ];
  for (const [tag, expected] of table) {
    it(`${JSON.stringify(tag)} → ${expected}`, () => {
      expect(toLang(tag)).to.equal(expected);
    });
  }
});

describe('fill', () => {
  const table: Array<[string, Record<string, string | number>, string]> = [
    ['Filter by {label}', { label: 'topics' }, 'Filter by topics'],
    ['Showing {shown} of {total}', { shown: 12, total: 48 }, 'Showing 12 of 48'],
    ['Keeps {unknown} placeholders', {}, 'Keeps {unknown} placeholders'],
    ['No placeholders', { a: 1 }, 'No placeholders'],
    ['Inserts $& and $1 literally: {v}', { v: '$& $1' }, 'Inserts $& and $1 literally: $& $1'],
  ];
  for (const [template, values, expected] of table) {
    it(`${JSON.stringify(template)} → ${JSON.stringify(expected)}`, () => {
      expect(fill(template, values)).to.equal(expected);
    });
  }
});

describe('stringsFor', () => {
  it('gives each language its strings, with overrides laid over them', () => {
    expect(stringsFor('en').retry).to.equal('Try again');
    expect(stringsFor('cy').retry).to.equal('Rhoi cynnig arall arni');
    const custom = stringsFor('cy', { retry: 'Eto' });
    expect(custom.retry).to.equal('Eto');
    expect(custom.clearAll).to.equal(cy.clearAll);
    expect(cy.retry).to.equal('Rhoi cynnig arall arni');
  });

  it('has every English string in Welsh', () => {
    expect(Object.keys(cy).sort()).to.deep.equal(Object.keys(en).sort());
  });
});
