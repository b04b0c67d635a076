import { expect } from '@open-wc/testing';
import { excerpt, fold, highlight, MAX_WORD, term, terms, tokenize, type Segment } from './text.js';

/** Segments written compactly: marked runs in [brackets]. */
const show = (segments: Segment[]): string => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

describe('fold', () => {
  const cases: Array<[string, string]> = [
    ['library', 'library'],
    ['LIBRARY', 'library'],
    ['Ynys Môn', 'ynys mon'],
    ['YNYS MÔN', 'ynys mon'],
    ['Llŷn', 'llyn'],
    ['Ŵyl', 'wyl'],
    ['café', 'cafe'],
    ['cafe\u0301', 'cafe'],
    ['Éire', 'eire'],
    ['naïve', 'naive'],
    ['Ångström', 'angstrom'],
    // Letters that Unicode does not decompose: stripping marks alone would leave them whole.
    ['Łódź', 'lodz'],
    ['Wrocław', 'wroclaw'],
    ['Tromsø', 'tromso'],
    ['ØRESUND', 'oresund'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Œuvre', 'oeuvre'],
    ['Þórshöfn', 'thorshofn'],
    ['Ísafjörður', 'isafjordur'],
    ['Đakovo', 'dakovo'],
    ['Kırklareli', 'kirklareli'],
    ['İzmir', 'izmir'],
    ['Ħamrun', 'hamrun'],
    ['', ''],
    ['123', '123'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(fold(input)).to.equal(expected);
    });
  }
});

describe('term', () => {
  const long = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch';
  const cases: Array<[string, string, string]> = [
    ['folds a word', 'Tromsø', 'tromso'],
    ['keeps a word of the limit whole', 'a'.repeat(MAX_WORD), 'a'.repeat(MAX_WORD)],
    ['cuts a longer word to the limit', long, long.slice(0, MAX_WORD).toLowerCase()],
    ['cuts a crafted megabyte to the limit', 'X'.repeat(1_000_000), 'x'.repeat(MAX_WORD)],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      expect(term(input)).to.equal(expected);
    });
  }
});

describe('tokenize', () => {
  const cases: Array<[string, Array<[number, number, string]>]> = [
    ['', []],
    ['   ', []],
    ['library', [[0, 7, 'library']]],
    ["Children's library", [[0, 8, 'children'], [9, 10, 's'], [11, 18, 'library']]],
    ['Ynys Môn', [[0, 4, 'ynys'], [5, 8, 'mon']]],
    ['COVID-19 recovery', [[0, 5, 'covid'], [6, 8, '19'], [9, 17, 'recovery']]],
    ['  lead and trail.  ', [[2, 6, 'lead'], [7, 10, 'and'], [11, 16, 'trail']]],
    ['<b>bold</b>', [[1, 2, 'b'], [3, 7, 'bold'], [9, 10, 'b']]],
    ['a\u00a0b\u2003c', [[0, 1, 'a'], [2, 3, 'b'], [4, 5, 'c']]],
    ['😀 emoji', [[3, 8, 'emoji']]],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)}`, () => {
      expect(tokenize(input).map((t) => [t.start, t.end, t.term])).to.deep.equal(expected);
    });
  }

  it('gives positions that slice the original word', () => {
    const text = 'Ynys Môn — Llŷn & Éire';
    for (const token of tokenize(text)) expect(term(text.slice(token.start, token.end))).to.equal(token.term);
  });

  it('takes "&" as the word "and", wherever it stands', () => {
    expect(tokenize('Arts & culture, B&Q').map((t) => [t.start, t.end, t.term])).to.deep.equal([
      [0, 4, 'arts'],
      [5, 6, 'and'],
      [7, 14, 'culture'],
      [16, 17, 'b'],
      [17, 18, 'and'],
      [18, 19, 'q'],
    ]);
    expect(highlight('Arts & culture', new Set(['and']))).to.deep.equal([
      { text: 'Arts ', mark: false },
      { text: '&', mark: true },
      { text: ' culture', mark: false },
    ]);
  });

  it('keeps the whole of a long word in the text, with the cut word as its term', () => {
    const text = 'Visit Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch today';
    const [, long] = tokenize(text);
    expect([long!.start, long!.end]).to.deep.equal([6, 64]);
    expect(long!.term).to.equal(term('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch'));
  });

  it('keeps a word whole when its accent is a combining mark (NFD text)', () => {
    expect(tokenize('Ynys Mo\u0302n').map((t) => [t.start, t.end, t.term])).to.deep.equal([
      [0, 4, 'ynys'],
      [5, 9, 'mon'],
    ]);
  });
});

describe('terms', () => {
  const cases: Array<[string, string[]]> = [
    ['', []],
    ['!!! ???', []],
    ['Libraries providing a lifeline', ['libraries', 'providing', 'a', 'lifeline']],
    ['Ynys Môn', ['ynys', 'mon']],
    ["Children's library", ['children', 's', 'library']],
    ['repeat repeat', ['repeat', 'repeat']],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(terms(input)).to.deep.equal(expected);
    });
  }

  it('agrees with tokenize', () => {
    const text = "Tameside Story Makers: storytelling for pre-school children (Môn, Llŷn) – 2021";
    expect(terms(text)).to.deep.equal(tokenize(text).map((t) => t.term));
  });
});

describe('highlight', () => {
  const cases: Array<[string, string, string[], string]> = [
    ['marks nothing for an empty set', 'Libraries open late', [], 'Libraries open late'],
    ['marks a leading word', 'Libraries open late', ['libraries'], '[Libraries] open late'],
    ['marks a trailing word', 'Libraries open late', ['late'], 'Libraries open [late]'],
    ['marks several words', 'Libraries open late', ['libraries', 'late'], '[Libraries] open [late]'],
    ['marks adjacent words separately', 'Ynys Môn', ['ynys', 'mon'], '[Ynys] [Môn]'],
    ['keeps the original accents and case', 'YNYS MÔN', ['mon'], 'YNYS [MÔN]'],
    ['marks letters folded to other letters as written', 'Twinned with Łódź and Tromsø', ['lodz', 'tromso'], 'Twinned with [Łódź] and [Tromsø]'],
    ['marks a letter folded to two as written', 'Große Straße', ['strasse'], 'Große [Straße]'],
    ['marks the whole of a word longer than the limit', 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch station', [term('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch')], '[Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch] station'],
    ['marks every occurrence', 'book a book, any book', ['book'], '[book] a [book], any [book]'],
    ['marks only whole words, never part of a longer one', 'library libraries', ['library'], '[library] libraries'],
    ['never marks inside a word', 'bookshop', ['book'], 'bookshop'],
    ['leaves punctuation around a word unmarked', '"Story", makers!', ['story', 'makers'], '"[Story]", [makers]!'],
    ['marks words next to markup-like text as text', '<b>bold</b>', ['bold'], '<b>[bold]</b>'],
    ['marks nothing when no word is in the set', 'Libraries open late', ['museum'], 'Libraries open late'],
    ['handles empty text', '', ['a'], ''],
  ];
  for (const [name, text, matched, expected] of cases) {
    it(name, () => {
      const segments = highlight(text, new Set(matched));
      expect(show(segments)).to.equal(expected);
      expect(segments.map((s) => s.text).join('')).to.equal(text);
    });
  }

  it('never gives an empty segment', () => {
    for (const [, text, matched] of cases) {
      for (const segment of highlight(text, new Set(matched))) {
        if (text) expect(segment.text).to.not.equal('');
      }
    }
  });

  it('re-joins to the original exactly for awkward text', () => {
    const texts = [
      '  spaces  around  ',
      'tabs\tand\nnewlines',
      '😀 Môn 😀 mon',
      'e\u0301cole e\u0301cole',
      '\uD800 lone surrogate mon',
      '<script>alert("mon")</script>',
    ];
    for (const text of texts) {
      const segments = highlight(text, new Set(['mon', 'ecole', 'script']));
      expect(segments.map((s) => s.text).join('')).to.equal(text);
    }
  });
});

describe('excerpt', () => {
  const long = `${'Council officers met residents in community halls across the district. '.repeat(6)}The new library opened in March. ${'Volunteers ran the sessions every week. '.repeat(6)}`;
  it('keeps a short text whole', () => {
    expect(excerpt('Story time for under-fives.', 200)).to.equal('Story time for under-fives.');
  });

  it('cuts a long one at a word, with an ellipsis', () => {
    const cut = excerpt(long, 120);
    expect(cut.endsWith(' …')).to.equal(true);
    expect(cut.length).to.be.at.most(122);
    expect(long.startsWith(cut.slice(0, -2))).to.equal(true);
  });

  it('shows the part around the first matched word, marked where it was cut at both ends', () => {
    const cut = excerpt(long, 120, new Set(['library']));
    expect(cut.startsWith('… ')).to.equal(true);
    expect(cut.endsWith(' …')).to.equal(true);
    expect(cut).to.contain('The new library opened in March.');
    expect(cut.length).to.be.at.most(126);
  });

  it('starts at the beginning when the match is there already', () => {
    expect(excerpt(long, 120, new Set(['council'])).startsWith('Council officers')).to.equal(true);
  });

  it('looks at no more than the first 20,000 characters of a huge text', () => {
    const huge = `${'word '.repeat(1_000_000)}needle`;
    const start = performance.now();
    const cut = excerpt(huge, 200, new Set(['needle']));
    expect(performance.now() - start).to.be.below(100);
    expect(cut.length).to.be.at.most(204);
  });
});
