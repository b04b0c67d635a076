import { expect } from '@open-wc/testing';
import { SearchIndex } from './search.js';
import { highlight } from './text.js';

/** [title, summary], weighted 3 and 1 as the element weighs them. */
const DOCS = [
  ['Libraries providing a lifeline', 'Council libraries opened their doors to everyone.'],
  ['Youth club reopens', 'A safe space for young people in Tameside.'],
  ['Ynys Môn online history festival for schools', 'Pupils across the island joined in.'],
  ['Museum passes for families', 'A scheme with the local library.'],
  ['Library on wheels', 'A mobile service for rural youth.'],
  ['Swimming lessons', 'Free lessons for children.'],
  ['Museums at night', 'Late opening at the museum.'],
];
const index = new SearchIndex(DOCS, [3, 1]);
const find = (query: string) => Array.from(index.search(query).indices);

describe('SearchIndex', () => {
  const cases: Array<[string, string, number[]]> = [
    ['an exact word', 'swimming', [5]],
    ['an exact word, in any case', 'SWIMMING', [5]],
    ['a word in the summary only', 'island', [2]],
    ['a word in title and summary ranks once', 'lessons', [5]],
    ['a prefix while typing', 'swim', [5]],
    // A prefix ranks the start of a rarer word first: the fewer case studies it picks out are
    // likelier to hold the one wanted (here "libraries" is in one document, "library" in two).
    ['a short prefix, the rarer word first', 'lib', [0, 4, 3]],
    ['a prefix of two words, the rarer first', 'museu', [6, 3]],
    ['an exact word above a longer word it starts', 'museum', [3, 6]],
    ['a typo: a missing letter', 'libary', [4, 0, 3]],
    ['a typo: a transposition', 'yuoth', [1, 4]],
    ['a typo: swapped letters in a longer word', 'childern', [5]],
    ['a typo: a missing letter in a plural', 'familes', [3]],
    ['two typos in a five-letter word are too many', 'fimly', []],
    ['a typo of the plain form of a word the feed has', 'famly', [3]],
    ['accents: plain letters find accented words', 'ynys mon', [2]],
    ['accents: accented letters and upper case', 'YNYS MÔN', [2]],
    ['every word must match', 'library youth', [4]],
    ['word order does not matter', 'youth library', [4]],
    ['a repeated word counts once', 'library library', [4, 0, 3]],
    ['punctuation between words is ignored', 'library, youth!', [4]],
    ['one word without a match sinks the query', 'library xylophone', []],
    ['no match at all', 'xylophone', []],
    ['short words are not matched fuzzily', 'swm', []],
    ['a made-up word finds nothing', 'meretu', []],
    ['a typo: swapped letters in a short word', 'yotuh', [1, 4]],
  ];
  for (const [name, query, expected] of cases) {
    it(`${name}: ${JSON.stringify(query)}`, () => {
      expect(find(query)).to.deep.equal(expected);
    });
  }

  const everything: Array<[string, string]> = [
    ['an empty query', ''],
    ['a blank query', '   '],
    ['a query of punctuation only', '!? …'],
  ];
  for (const [name, query] of everything) {
    it(`returns every document in feed order for ${name}`, () => {
      const result = index.search(query);
      expect(Array.from(result.indices)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
      expect(result.matched).to.deep.equal([]);
    });
  }

  it('ranks a match in the title above the same match in the summary', () => {
    const docs = [
      ['Reading groups', 'Held in the village hall every week.'],
      ['Village hall repairs', 'Funding for roofs.'],
    ];
    expect(Array.from(new SearchIndex(docs, [3, 1]).search('village').indices)).to.deep.equal([1, 0]);
    // The same documents with the weights swapped rank the other way: the weight decides.
    expect(Array.from(new SearchIndex(docs, [1, 3]).search('village').indices)).to.deep.equal([0, 1]);
  });

  it('ranks an exact word above a typo of it', () => {
    const docs = [['Youth club', ''], ['Yuth club', '']];
    expect(Array.from(new SearchIndex(docs, [1]).search('youth').indices)).to.deep.equal([0]);
    expect(Array.from(new SearchIndex(docs, [1]).search('yoth').indices)).to.deep.equal([0, 1]);
  });

  it('takes a word the feed has as meant, without looking for typos of it', () => {
    const docs = [['Hunger lunches', ''], ['Healthy lungs', '']];
    expect(Array.from(new SearchIndex(docs, [1]).search('lung').indices)).to.deep.equal([1]);
  });

  it('finds other endings of the same word', () => {
    const docs = [['Libraries open late', ''], ['A library bus', ''], ['Painted murals', '']];
    const index = new SearchIndex(docs, [1]);
    expect(Array.from(index.search('library').indices)).to.deep.equal([1, 0]);
    expect(Array.from(index.search('painting').indices)).to.deep.equal([2]);
  });

  // [why, documents as [title, summary] weighted 3 and 1, query, expected order]
  const ranking: Array<[string, string[][], string, number[]]> = [
    [
      'one typo in a summary outranks two in a title',
      [['Optical services', ''], ['Reading group', 'An official visit']],
      'offical',
      [1, 0],
    ],
    [
      'a typo finds the word, not a word that merely shares letters with it',
      [['Home library service', ''], ['Science week', 'A visit to the laboratory']],
      'labratory',
      [1],
    ],
    ['a swap of neighbouring letters is one typo', [['Another year', ''], ['Anchor', 'A mother']], 'anohter', [0]],
    [
      'a whole word with a typo outranks a longer word it starts',
      [['Certainty of funding', ''], ['Reading', 'We are certain']],
      'certian',
      [1, 0],
    ],
    [
      'an exact word in a summary outranks a longer word it starts in a title',
      [['Certainty of funding', ''], ['Reading', 'We are certain']],
      'certain',
      [1, 0],
    ],
    [
      'the same word with another ending in a title outranks the word in a summary',
      [['Reading', 'The library opens'], ['Libraries open late', '']],
      'library',
      [1, 0],
    ],
    [
      'a stem of a word the feed lacks does not stop the typo search',
      [['Mister Men books', ''], ['Reading', 'A mystery tour']],
      'mistery',
      [0, 1],
    ],
    ['a doubled letter written once is the likeliest reading', [['Come along', ''], ['A comma', '']], 'coma', [1, 0]],
    ['one typo in a word of six letters', [['Garden club', '']], 'gardin', [0]],
    ['not two typos in a word of six letters', [['Garden club', '']], 'gurdin', []],
    ['two typos in a word of seven letters', [['Kitchen club', '']], 'kytchin', [0]],
    ['not three typos in a word of nine letters', [['Allotment club', '']], 'elletmunt', []],
    ['three typos in a word of ten letters', [['Volunteers club', '']], 'valanteirs', [0]],
    ['a plain query finds a letter that does not decompose', [['Twinned with Łódź', '']], 'lodz', [0]],
    ['the plain spelling ranks the word first', [['Tromso Road', 'A visit'], ['Hall', 'Twinned with Tromsø']], 'tromso', [0, 1]],
    ['ß and ss are one spelling', [['Große Straße', ''], ['Strasse Road', '']], 'strasse', [0, 1]],
    ['an accented query finds the plain spelling', [['Twinned with Lodz', '']], 'Łódź', [0]],
  ];
  for (const [why, docs, query, expected] of ranking) {
    it(`ranking: ${why} (${JSON.stringify(query)})`, () => {
      expect(Array.from(new SearchIndex(docs, [3, 1]).search(query).indices)).to.deep.equal(expected);
    });
  }

  it('keeps equal scores in feed order', () => {
    const docs = [['Library a', ''], ['Library b', ''], ['Library c', '']];
    expect(Array.from(new SearchIndex(docs, [3, 1]).search('library').indices)).to.deep.equal([0, 1, 2]);
  });

  const matchedCases: Array<[string, string, string[]]> = [
    ['an exact word', 'swimming', ['swimming']],
    ['a prefix gives every word it starts', 'museu', ['museum', 'museums']],
    ['a typo gives the words it stands for', 'libary', ['libraries', 'library']],
    ['a transposition', 'yuoth', ['youth']],
    ['accents are folded', 'ynys môn', ['mon', 'ynys']],
    ['nothing when a word has no match', 'library xylophone', []],
  ];
  for (const [name, query, expected] of matchedCases) {
    it(`matched terms: ${name} (${JSON.stringify(query)})`, () => {
      expect([...index.search(query).matched].sort()).to.deep.equal(expected);
    });
  }

  it('gives matched terms that highlight the right words in the original text', () => {
    const matched = new Set(index.search('libary ynys mon').matched);
    const marked = (text: string) => highlight(text, matched).filter((s) => s.mark).map((s) => s.text);
    expect(marked(DOCS[0]![0]!)).to.deep.equal(['Libraries']);
    expect(marked(DOCS[2]![0]!)).to.deep.equal(['Ynys', 'Môn']);
    expect(marked(DOCS[4]![0]!)).to.deep.equal(['Library']);
  });

  // The shared DOCS, and a place name written with a letter that folds to another.
  const spelling = new SearchIndex([...DOCS, ['Twinned with Tromsø', 'Pupils wrote to Norway.']], [3, 1]);
  const correctedCases: Array<[string, string, string | undefined]> = [
    ['a word with a typo', 'libary', 'library'],
    ['only the word with a typo', 'libary museum', 'library museum'],
    ['other words as typed, punctuation left out', 'Museum, LIBARY!', 'Museum library'],
    ['joining words as typed', 'the libary', 'the library'],
    ['a swap', 'yuoth', 'youth'],
    ['the feed’s spelling, accents kept', 'trmoso', 'tromsø'],
    ['nothing for an exact word', 'library', undefined],
    ['nothing for a word being typed', 'libr', undefined],
    ['nothing for another ending of a word', 'museums', undefined],
    ['a typo that serves the word better than its stem does', 'libray', 'library'],
    ['nothing for a word found by another ending alone', 'schooling', undefined],
    ['nothing for a plain spelling of an accented word', 'tromso', undefined],
    ['nothing when nothing is found', 'libary xylophone', undefined],
    ['nothing for an empty query', '', undefined],
  ];
  for (const [name, query, expected] of correctedCases) {
    it(`corrected: ${name} (${JSON.stringify(query)})`, () => {
      const result = spelling.search(query);
      expect(result.corrected).to.equal(expected);
      // A correction always comes with results, and never with a suggestion.
      if (expected) expect(result.indices.length).to.be.above(0);
      expect(result.suggestion).to.equal(undefined);
    });
  }

  const suggestionCases: Array<[string, string, string | undefined]> = [
    ['a word one typo beyond the search', 'mxzeum', 'museum'],
    ['a short word, one typo from the plain form of a word of the feed', 'swm', 'swimming'],
    ['other words as typed', 'Museums at nxxht', 'Museums at night'],
    ['nothing when the nearest word still finds nothing with the rest', 'youth mxzeum', undefined],
    ['nothing when no word is near', 'xylophone', undefined],
    ['nothing when every word matched but not together', 'youth museum', undefined],
    ['nothing when something is found', 'museum', undefined],
  ];
  for (const [name, query, expected] of suggestionCases) {
    it(`suggestion: ${name} (${JSON.stringify(query)})`, () => {
      const result = spelling.search(query);
      expect(result.suggestion).to.equal(expected);
      if (expected) expect(Array.from(spelling.search(expected).indices)).to.not.deep.equal([]);
    });
  }

  it('suggestion: a short word one typo away', () => {
    expect(new SearchIndex([['Swim club', '']], [3, 1]).search('swm').suggestion).to.equal('swim');
  });

  it('gives results that survive structured cloning (postMessage to and from the worker)', () => {
    for (const query of ['libary museum', 'mxzeum', 'library']) {
      const result = spelling.search(query);
      expect(structuredClone(result)).to.deep.equal(result);
    }
  });

  it('gives the same answer when asked again', () => {
    const first = Array.from(index.search('libary').indices);
    index.search('museum');
    expect(Array.from(index.search('libary').indices)).to.deep.equal(first);
  });

  it('searches an empty index', () => {
    const empty = new SearchIndex([], [3, 1]);
    expect(Array.from(empty.search('').indices)).to.deep.equal([]);
    expect(Array.from(empty.search('library').indices)).to.deep.equal([]);
    expect(Array.from(empty.search('libary').indices)).to.deep.equal([]);
  });

  it('matches every word as a prefix, finished or not', () => {
    expect(find('lib ')).to.deep.equal(find('lib'));
    expect(find('lib youth')).to.deep.equal([4]);
  });
});

describe('SearchIndex: every form of a word', () => {
  // A feed that only ever says the plural, or another ending, as real feeds do.
  const plural = new SearchIndex(
    [
      ['Libraries open late', 'Council libraries opened their doors to everyone.'],
      ['Museums at night', 'Late openings at three museums.'],
      ['Recycling for schools', 'Pupils sorted their waste.'],
      ['Story makers', 'Makers of stories for toddlers.'],
      ['Walking groups', 'Volunteers led walks.'],
    ],
    [3, 1],
  );
  const typos: Array<[string, string, number[], string | undefined]> = [
    ['a missing letter', 'libary', [0], 'libraries'],
    ['a wrong vowel', 'librery', [0], 'libraries'],
    ['a missing second letter', 'lbrary', [0], 'libraries'],
    ['two letters swapped and one doubled', 'libarry', [0], 'libraries'],
    ['a wrong vowel in another plural', 'museam', [1], 'museums'],
    ['a missing letter in a word the feed has', 'recyling', [2], 'recycling'],
    ['a typo of the plural itself', 'libaries', [0], 'libraries'],
    ['the plain word, no typo and no correction', 'library', [0], undefined],
    ['the plain word of an -ing form', 'recycle', [2], undefined],
    ['a typo of the plain word of an -ing form', 'recyle', [2], 'recycling'],
    ['the plain word of an -er plural', 'maker', [3], undefined],
  ];
  for (const [name, query, expected, corrected] of typos) {
    it(`finds a word the feed holds only in another form: ${name} (${JSON.stringify(query)})`, () => {
      const result = plural.search(query);
      expect(Array.from(result.indices)).to.deep.equal(expected);
      expect(result.corrected).to.equal(corrected);
    });
  }

  it('finds the plain form of a word the feed has typed with a typo, in a feed that has it plain', () => {
    const index = new SearchIndex([['A library bus', ''], ['Walking', '']], [3, 1]);
    expect(Array.from(index.search('libaries').indices)).to.deep.equal([0]);
    expect(index.search('libaries').corrected).to.equal('library');
  });

  it('finds something at every letter of a misspelt word being typed, from the third', () => {
    for (const query of ['libary', 'librery', 'libarry', 'museam', 'recyling']) {
      for (let length = 3; length <= query.length; length++) {
        const typed = query.slice(0, length);
        expect(plural.search(typed).indices.length, typed).to.be.above(0);
      }
    }
  });

  const starts: Array<[string, string, number[]]> = [
    ['the start of a word', 'libr', [0]],
    ['the start of a word, a typo in it', 'libar', [0]],
    ['four letters, a typo in them', 'liba', [0]],
    ['the start of a plural', 'museu', [1]],
  ];
  for (const [name, query, expected] of starts) {
    it(`finds words being typed: ${name} (${JSON.stringify(query)})`, () => {
      expect(Array.from(plural.search(query).indices)).to.deep.equal(expected);
    });
  }

  it('still finds nothing for a made-up word', () => {
    for (const query of ['meretu', 'zqxvw', 'xylophone']) expect(Array.from(plural.search(query).indices), query).to.deep.equal([]);
  });

  const longWords = new SearchIndex(
    [['Temporary accommodation', ''], ['Neighbourhood watch', ''], ['Environmental health', ''], ['Walking', '']],
    [3, 1],
  );
  for (const [query, expected] of [
    ['accomodation', 0],
    ['acommodation', 0],
    ['neighbourhod', 1],
    ['nieghbourhood', 1],
    ['enviromental', 2],
    ['envirnomental', 2],
  ] as const) {
    it(`allows two typos in a long word (${JSON.stringify(query)})`, () => {
      expect(Array.from(longWords.search(query).indices)).to.deep.equal([expected]);
    });
  }
});

describe('SearchIndex: letters out of order, and mistyped first letters', () => {
  const index = new SearchIndex(
    [
      ['Mother tongue classes', ''],
      ['Gandhi peace garden', ''],
      ['Which way now', ''],
      ['Partners in Libya', ''],
      ['Phonetic reading for toddlers', ''],
      ['Regardless of age', ''],
      ['Things to do', ''],
      ['Nights out', ''],
      ['Listen to the past', ''],
    ],
    [3, 1],
  );
  const cases: Array<[string, string, number[], string | undefined]> = [
    ['a letter typed too late', 'tounge', [0], 'tongue'],
    ['a letter typed too early', 'Ghandi', [1], 'gandhi'],
    ['two pairs of neighbours swapped', 'hwihc', [2], 'which'],
    ['two letters swapped across a third', 'Lybia', [3], 'libya'],
    ['the word with those letters that is fewer edits away', 'thigsn', [6], 'things'],
    ['the first two letters of a long word mistyped', 'fonetic', [4], 'phonetic'],
    ['a long word with two letters too many in front', 'irregardless', [5], 'regardless'],
    ['a long word with a wrong first letter', 'bhonetic', [4], 'phonetic'],
    // The same letters, but four edits from "listen": another word, not a typo of it.
    ['no word with the same letters far apart', 'silent', [], undefined],
    // A mistyped start of a long word is taken only when the rest of it is right.
    ['no long word with a wrong start and another typo', 'fonetik', [], undefined],
    ['no made-up long word', 'kotavelinu', [], undefined],
  ];
  for (const [name, query, expected, corrected] of cases) {
    it(`${name} (${JSON.stringify(query)})`, () => {
      const result = index.search(query);
      expect(Array.from(result.indices)).to.deep.equal(expected);
      expect(result.corrected).to.equal(corrected);
    });
  }
});

describe('SearchIndex: words joined and split', () => {
  const index = new SearchIndex(
    [
      ['Tameside Story Makers', 'Stories for young children.'],
      ['Storymakers club', 'A club in Oldham.'],
      ['Car park charges', ''],
      ['Story sessions', 'Makers market nearby.'],
    ],
    [3, 1],
  );
  const cases: Array<[string, string, number[], string | undefined]> = [
    // The feed has the compound itself: it is what was meant, not its halves.
    ['a compound the feed has', 'storymakers', [1], undefined],
    ['two words typed as one, with a place', 'tameside storymakers', [0], 'tameside story makers'],
    // The feed has both words apart: they are what was meant, not the compound.
    ['two words the feed has apart', 'story makers', [0, 3], undefined],
    ['a compound the feed only writes apart', 'carpark', [2], 'car park'],
  ];
  for (const [name, query, expected, corrected] of cases) {
    it(`${name} (${JSON.stringify(query)})`, () => {
      const result = index.search(query);
      expect(Array.from(result.indices)).to.deep.equal(expected);
      expect(result.corrected).to.equal(corrected);
    });
  }

  it('finds a compound typed as two words', () => {
    const joined = new SearchIndex([['Storymakers club', ''], ['Story sessions', '']], [3, 1]);
    expect(Array.from(joined.search('story makers').indices)).to.deep.equal([0]);
    expect(Array.from(joined.search('tameside story makers').indices)).to.deep.equal([]);
  });

  it('does not split a word that a typo explains better', () => {
    const typo = new SearchIndex([['Apart from that', ''], ['App art', '']], [3, 1]);
    expect(Array.from(typo.search('appart').indices)).to.deep.equal([0]);
  });
});

describe('SearchIndex: "&" and "and"', () => {
  const index = new SearchIndex([['Arts & culture', ''], ['Arts and crafts', ''], ['Sport', '']], [3, 1]);
  it('finds either for either', () => {
    expect(Array.from(index.search('&').indices)).to.deep.equal([0, 1]);
    expect(Array.from(index.search('and').indices)).to.deep.equal([0, 1]);
    expect(Array.from(index.search('arts & crafts').indices)).to.deep.equal([1]);
    expect(Array.from(index.search('arts and culture').indices)).to.deep.equal([0]);
    expect(index.search('and').matched).to.deep.equal(['and']);
  });
});

describe('SearchIndex: Welsh mutations', () => {
  // Welsh documents (more Welsh joining words than English ones) and an English one.
  const docs = [
    ['Llyfrgell Caerdydd', 'Mae’r llyfrgell yn agor yn hwyr.'],
    ['Sesiynau stori yng Nghaerdydd', 'Straeon i blant gyda’r teulu yn y ddinas.'],
    ['Taith i Gaerdydd ar y bws', 'Mae’r daith yn rhad ac am ddim.'],
    ['Cyngor yn lansio gwasanaeth fws newydd', 'Mae gwasanaeth ar gael yn y sir.'],
    ['Cold weather shelter', 'The shelter opens at night for people in the town.'],
    ['Library bus', 'The bus stops at the library.'],
  ];
  const index = new SearchIndex(docs, [3, 1]);
  const found = (query: string, lang?: string) => Array.from(index.search(query, { lang }).indices).sort();
  const cases: Array<[string, number[]]> = [
    ['caerdydd', [0, 1, 2]],
    ['Gaerdydd', [0, 1, 2]],
    ['Nghaerdydd', [0, 1, 2]],
    ['Chaerdydd', [0, 1, 2]],
    ['nghaer', [0, 1, 2]],
    ['llyfrgell', [0]],
    ['lyfrgell', [0]],
    ['bws', [2, 3]],
    ['fws', [2, 3]],
  ];
  for (const [query, expected] of cases) {
    it(`finds the radical and the mutations of a word in Welsh documents (${JSON.stringify(query)})`, () => {
      expect(found(query)).to.deep.equal(expected);
    });
  }

  it('leaves English documents alone, unless the interface is Welsh', () => {
    // "Gold" is the soft mutation of "cold" in Welsh, and no mutation in English.
    expect(found('gold')).to.deep.equal([]);
    expect(found('gold', 'cy')).to.deep.equal([4]);
    expect(found('cold', 'cy')).to.deep.equal([4]);
  });

  it('does not take a mutation for a correction', () => {
    expect(index.search('Gaerdydd').corrected).to.equal(undefined);
    expect(index.search('lyfrgell').matched).to.include('llyfrgell');
  });

  it('answers the same query apart in each interface language', () => {
    expect(found('gold', 'cy')).to.deep.equal([4]);
    expect(found('gold')).to.deep.equal([]);
  });
});

describe('SearchIndex with hostile input', () => {
  const swim = new SearchIndex(DOCS, [3, 1]);
  const swimming = [5];
  const cases: Array<[string, string, number[]]> = [
    ['words after the first 200 characters are not searched', `swimming${' '.repeat(200)}xylophone`, swimming],
    ['words after the first 10 are not searched', 'swimming swimmin swimmi swimm swim lessons lesson lesso less free xylophone', swimming],
    ['a crafted megabyte of one word finds nothing, quickly', 'x'.repeat(1_000_000), []],
    ['a crafted megabyte of words is cut like any long query', 'swimming '.repeat(120_000), swimming],
  ];
  for (const [name, query, expected] of cases) {
    it(name, () => {
      expect(Array.from(swim.search(query).indices)).to.deep.equal(expected);
    });
  }

  it('matches a word longer than 40 letters whole or by its start', () => {
    const welsh = new SearchIndex([['Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch station', '']], [1]);
    expect(Array.from(welsh.search('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch').indices)).to.deep.equal([0]);
    expect(Array.from(welsh.search('llanfairpwll').indices)).to.deep.equal([0]);
  });

  it('indexes only the first 20,000 characters of a field', () => {
    const long = new SearchIndex([['Title', `${'filler '.repeat(3000)}zebra`]], [3, 1]);
    expect(Array.from(long.search('filler').indices)).to.deep.equal([0]);
    expect(Array.from(long.search('zebra').indices)).to.deep.equal([]);
  });

  // Distinct made-up words, so that nothing is folded only once: the worst case for indexing.
  const words = (count: number) => Array.from({ length: count }, (_, at) => `w${at.toString(36)}q`).join(' ');
  const huge = words(700_000); // about 5 MB

  it('adds a document with a 5 MB summary in a few milliseconds, not seconds', () => {
    const index = new SearchIndex([], [3, 1]);
    const start = performance.now();
    index.add([['Title', huge]]);
    index.finish();
    // Indexing all of it takes seconds here; the first 20,000 characters, a few milliseconds.
    expect(performance.now() - start).to.be.below(100);
    expect(Array.from(index.search('w0q').indices)).to.deep.equal([0]);
  });

  it('searches an index of huge documents for a huge query in a few milliseconds', () => {
    const index = new SearchIndex([[huge, huge], [huge, huge]], [3, 1]);
    const start = performance.now();
    index.search(huge);
    index.search(`${'abcdefghijklmnopqrstuvwxyz'.repeat(8)} `.repeat(100));
    expect(performance.now() - start).to.be.below(100);
  });

  it('builds in smaller steps when documents are long', () => {
    const steps = (doc: string[]) => [...new SearchIndex([], [3, 1]).build(40, () => doc)].length;
    // 40 short documents fit one step of adding; 40 of 80,000 indexed characters need many.
    expect(steps([huge, huge, huge, huge]) - steps(['Title', 'Summary'])).to.be.at.least(10);
  });
});
