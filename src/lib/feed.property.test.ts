import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FeedError, LIST_FIELDS, parseFeed, parseFeedText, type CaseStudy, type ParsedFeed } from './feed.js';
import { isSafeUrl } from './url.js';

// String.prototype.isWellFormed is ES2024; the project's lib is ES2022 but Chromium has it.
const isWellFormed = (value: string): boolean => (value as unknown as { isWellFormed(): boolean }).isWellFormed();
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Would parseFeed accept this envelope (an array, or an object with an `items` array)? */
const hasFeedShape = (value: unknown): boolean =>
  Array.isArray(value) || (isRecord(value) && Array.isArray(value.items));

// ---- arbitraries ----------------------------------------------------------------------------

const SPECIAL_STRINGS = [
  '', ' ', ' \t\n\r ', '\u0000', '\u0001\u0002', '\u007f', '\u001b[31m', '\u00a0', '\ufeff', '\u2028\u2029',
  '\uD800', '\uDC00', 'a\uD83D', '\uDE00b', '😀', 'e\u0301', 'Ynys Môn', 'Libraries', 'libraries', 'LIBRARIES ',
  '/ok', '  /padded  ', 'relative/path', 'https://example.gov.uk/ok', 'http://example.gov.uk/', '//example.gov.uk/x',
  '?q=1', '#frag', 'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'jav\nascript:alert(1)',
  '\u0001javascript:alert(1)', '\u00a0javascript:alert(1)', '\ufeffjavascript:alert(1)', '\u2028javascript:alert(1)',
  '\u3000javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'DATA:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)', 'file:///etc/passwd', 'blob:https://example.gov.uk/x', 'mailto:a@b.c', 'about:blank',
  '&#106;avascript:alert(1)', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '{value}', '$&$1',
  '2021-06-14', ' 2021-06-14 ', '2021-02-30', '2021-06-14T10:00:00Z', '2021-06-14T10:00+0100', '0000-01-01',
  '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'x'.repeat(300),
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const anyCodeUnit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
  loneSurrogate,
);

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...SPECIAL_STRINGS), fc.string({ unit: anyCodeUnit, maxLength: 4 }), fc.constantFrom(...SPECIAL_STRINGS))
      .map((parts) => parts.join('')),
  },
);

const anythingHostile = fc.anything({
  maxDepth: 2,
  maxKeys: 4,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  stringUnit: 'binary',
});

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 3, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: anythingHostile },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(null, true, false, undefined)) },
);

const objectOf = (keys: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record(Object.fromEntries(keys.map((key) => [key, hostileValue])), { requiredKeys: [] }) },
    { weight: 1, arbitrary: hostileValue },
  );

/** Own keys that a careless copy would turn into prototype writes. */
const dangerousKeys = fc.subarray(UNSAFE_KEYS).chain((keys) =>
  fc.tuple(fc.constant(keys), fc.array(fc.constantFrom<unknown>({ polluted: 1 }, ['polluted'], 'polluted', { prototype: { polluted: 1 } }), {
    minLength: keys.length,
    maxLength: keys.length,
  })),
);

const hostileItem: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.record(
      {
        id: fc.oneof(hostileValue, fc.integer()),
        title: hostileValue,
        url: hostileValue,
        summary: hostileValue,
        organisation: hostileValue,
        topics: hostileValue,
        supportTypes: hostileValue,
        keywords: hostileValue,
        date: hostileValue,
        image: objectOf(['src', 'alt']),
        collection: objectOf(['label', 'url']),
        region: hostileValue,
        tags: hostileValue,
      },
      { requiredKeys: [] },
    ),
    dangerousKeys,
  )
  .map(([fields, [keys, values]]) => {
    // defineProperty, not assignment: an own "__proto__" key, exactly as JSON.parse makes one.
    const item: Record<string, unknown> = { ...fields };
    keys.forEach((key, at) =>
      Object.defineProperty(item, key, { value: values[at], enumerable: true, writable: true, configurable: true }),
    );
    return item;
  });

const hostileItems = fc.array(
  fc.oneof({ weight: 9, arbitrary: hostileItem }, { weight: 1, arbitrary: hostileValue }),
  { maxLength: 10 },
);

// ---- the output contract ------------------------------------------------------------------------

function expectDisplayText(value: unknown, what: string): void {
  expect(typeof value, what).to.equal('string');
  const text = value as string;
  expect(isWellFormed(text), `${what} is well-formed`).to.equal(true);
  expect(CONTROL.test(text), `${what} has no control characters`).to.equal(false);
  expect(text, `${what} is trimmed`).to.equal(text.trim());
}

function expectTextList(value: unknown, what: string): void {
  expect(Array.isArray(value), `${what} is a list`).to.equal(true);
  const seen = new Set<string>();
  for (const entry of value as unknown[]) {
    expectDisplayText(entry, `${what} entry`);
    expect(entry, `${what} entry is not blank`).to.not.equal('');
    const key = (entry as string).toLocaleLowerCase();
    expect(seen.has(key), `${what} has no repeats`).to.equal(false);
    seen.add(key);
  }
}

function expectItemContract(item: CaseStudy): void {
  expect(Object.getPrototypeOf(item)).to.equal(Object.prototype);
  expect(typeof item.id).to.equal('string');
  expect(item.id).to.not.equal('');
  expectDisplayText(item.title, 'title');
  expect(typeof item.url).to.equal('string');
  expect(isSafeUrl(item.url), `url ${JSON.stringify(item.url)} is safe`).to.equal(true);
  expect(item.url).to.equal(item.url.trim());
  for (const field of ['summary', 'organisation'] as const) {
    if (field in item) {
      expectDisplayText(item[field], field);
      expect(item[field], `${field} is left out rather than empty`).to.not.equal('');
    }
  }
  for (const field of LIST_FIELDS) expectTextList(item[field], field);
  if ('date' in item) {
    expect(typeof item.date).to.equal('string');
    expect(typeof item.time).to.equal('number');
  } else {
    expect('time' in item).to.equal(false);
  }
  if ('image' in item) {
    expect(Object.keys(item.image!).sort()).to.deep.equal(['alt', 'src']);
    expect(isSafeUrl(item.image!.src), `image src ${JSON.stringify(item.image!.src)} is safe`).to.equal(true);
    expectDisplayText(item.image!.alt, 'image alt');
  }
  if ('collection' in item) {
    expect(Object.keys(item.collection!).sort()).to.deep.equal(['label', 'url']);
    expect(isSafeUrl(item.collection!.url), `collection url ${JSON.stringify(item.collection!.url)} is safe`).to.equal(true);
    expectDisplayText(item.collection!.label, 'collection label');
  }
  expect(Object.getPrototypeOf(item.extra)).to.equal(null);
  for (const key of Reflect.ownKeys(item.extra)) {
    expect(typeof key, 'extra keys are strings').to.equal('string');
    expect(UNSAFE_KEYS, 'extra has no prototype keys').to.not.include(key);
    expectTextList(item.extra[key as string], `extra.${String(key)}`);
  }
}

function expectFeedContract(input: readonly unknown[], feed: ParsedFeed): void {
  expect(feed.items.length + feed.skipped.length, 'accepted + skipped = input').to.equal(input.length);
  const skipped = feed.skipped.map((p) => p.index);
  expect(new Set(skipped).size, 'each item skipped at most once').to.equal(skipped.length);
  expect(skipped, 'skipped in feed order').to.deep.equal([...skipped].sort((a, b) => a - b));
  for (const problem of [...feed.skipped, ...feed.warnings]) {
    expect(Number.isInteger(problem.index) && problem.index >= 0 && problem.index < input.length).to.equal(true);
    expect(typeof problem.reason).to.equal('string');
    expect(problem.reason).to.not.equal('');
  }
  expect(new Set(feed.items.map((i) => i.id)).size, 'ids are unique').to.equal(feed.items.length);
  for (const item of feed.items) expectItemContract(item);
}

/** Every string anywhere in a value, with where it was found. */
function* strings(value: unknown, path = '$'): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [at, entry] of value.entries()) yield* strings(entry, `${path}[${at}]`);
  else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) yield* strings(entry, `${path}.${key}`);
  }
}

const prototypeState = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto).sort().join(),
  );

function expectNoPollution(before: string[]): void {
  expect(prototypeState()).to.deep.equal(before);
  expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  expect(([] as unknown as Record<string, unknown>).polluted).to.equal(undefined);
}

// ---- properties ---------------------------------------------------------------------------------

describe('parseFeed (property)', () => {
  const before = prototypeState();
  afterEach(() => expectNoPollution(before));

  it('returns for a feed-shaped JSON value and throws only FeedError otherwise', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        let feed: ParsedFeed | undefined;
        try {
          feed = parseFeed(value);
        } catch (error) {
          expect(error, String(error)).to.be.instanceOf(FeedError);
          expect(hasFeedShape(value)).to.equal(false);
          return;
        }
        expect(hasFeedShape(value)).to.equal(true);
        const items = Array.isArray(value) ? value : ((value as Record<string, unknown>).items as unknown[]);
        expectFeedContract(items, feed);
      }),
      { numRuns: 400 },
    );
  });

  it('returns for any text that is a JSON feed, and throws only FeedError otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ unit: anyCodeUnit, maxLength: 30 })), (source) => {
        try {
          parseFeedText(source);
        } catch (error) {
          expect(error, String(error)).to.be.instanceOf(FeedError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('throws only FeedError for any value that is not a feed', () => {
    fc.assert(
      fc.property(anythingHostile, (value) => {
        try {
          const feed = parseFeed(value);
          expect(hasFeedShape(value)).to.equal(true);
          expect(feed.items.length + feed.skipped.length).to.equal(
            (Array.isArray(value) ? value : (value as { items: unknown[] }).items).length,
          );
        } catch (error) {
          expect(error, String(error)).to.be.instanceOf(FeedError);
          expect(hasFeedShape(value)).to.equal(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the output contract for arrays of hostile items, bare or in an envelope', () => {
    fc.assert(
      fc.property(hostileItems, fc.boolean(), (input, wrapped) => {
        const feed = parseFeed(wrapped ? { title: 'T', items: input } : input);
        expectFeedContract(input, feed);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same answer for the JSON text of a feed as for the value', () => {
    fc.assert(
      fc.property(hostileItems, (input) => {
        let json: string;
        try {
          json = JSON.stringify(input);
        } catch {
          return; // BigInt values have no JSON form
        }
        const fromText = parseFeedText(json);
        const fromValue = parseFeed(JSON.parse(json));
        expectFeedContract(JSON.parse(json), fromText);
        expect(fromText.items.map((i) => i.id)).to.deep.equal(fromValue.items.map((i) => i.id));
        expect(fromText.skipped).to.deep.equal(fromValue.skipped);
      }),
      { numRuns: 150 },
    );
  });

  it('never accepts an item with an empty title or collection label', () => {
    fc.assert(
      fc.property(hostileItems, (input) => {
        for (const item of parseFeed(input).items) {
          expect(item.title).to.not.equal('');
          if (item.collection) expect(item.collection.label).to.not.equal('');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives every kept date a real time', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: fc.constant('T'),
            url: fc.constant('/t'),
            id: fc.uuid(),
            date: fc.oneof(
              hostileString,
              fc
                .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
                .map(([h, m]) => `2021-06-14T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
            ),
          }),
          { maxLength: 10 },
        ),
        (input) => {
          for (const item of parseFeed(input).items) {
            if (item.date !== undefined) expect(Number.isFinite(item.time), item.date).to.equal(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('returns only well-formed strings, everywhere', () => {
    fc.assert(
      fc.property(hostileItems, (input) => {
        for (const [path, text] of strings(parseFeed(input))) expect(isWellFormed(text), path).to.equal(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('parseFeed (explicit hostile cases)', () => {
  const before = prototypeState();
  afterEach(() => expectNoPollution(before));

  it('does not pollute prototypes through __proto__, constructor or prototype keys', () => {
    const source = JSON.stringify([
      { title: 'A', url: '/a', polluted: 'own' },
    ]).replace(
      '"polluted":"own"',
      [
        '"__proto__":{"polluted":1,"title":"inherited","url":"javascript:alert(1)"}',
        '"constructor":{"prototype":{"polluted":1}}',
        '"prototype":{"polluted":1}',
        '"extra":{"__proto__":{"polluted":1}}',
        '"image":{"__proto__":{"src":"javascript:alert(1)"},"alt":"x"}',
        '"collection":{"label":"L","url":"/l","__proto__":{"polluted":1}}',
      ].join(','),
    );
    const envelope = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"facets":[{"key":"__proto__","__proto__":{"polluted":1}}],"items":${source}}`;
    for (const feed of [parseFeedText(source), parseFeedText(envelope), parseFeed(JSON.parse(envelope))]) {
      expect(feed.items).to.have.length(1);
      const [item] = feed.items;
      expect(item!.title).to.equal('A');
      expect(item!.url).to.equal('/a');
      expect(Object.keys(item!.extra)).to.deep.equal([]);
      expect(item!.image).to.equal(undefined);
      expect(item!.collection).to.deep.equal({ label: 'L', url: '/l' });
      expect((item as unknown as Record<string, unknown>).polluted).to.equal(undefined);
      expectItemContract(item!);
    }
    expect(() => parseFeedText('{"__proto__":{"items":[]}}')).to.throw(FeedError);
  });

  it('does not read an unsafe url from an item prototype given from JavaScript', () => {
    const raw = Object.create({ url: 'javascript:alert(1)', image: { src: 'javascript:alert(1)' } });
    raw.title = 'Inherits';
    const feed = parseFeed([raw]);
    expect(feed.items).to.deep.equal([]);
    expect(feed.skipped).to.have.length(1);
  });

  it('survives 5,000 levels of nested arrays in any field', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 5000; level++) deep = [deep];
    const fields = ['title', 'url', 'summary', 'topics', 'keywords', 'date', 'region', 'id'];
    const input = fields.map((field, at) => ({ title: `T${at}`, url: `/t${at}`, [field]: deep }));
    input.push({ title: 'Image', url: '/i', image: { src: '/i.png', alt: deep } } as never);
    const feed = parseFeed(input);
    expectFeedContract(input, feed);
    // title and url make the item unusable; every other field is dropped with a warning.
    expect(feed.skipped.map((p) => p.index)).to.deep.equal([0, 1]);
    expect(feed.warnings.map((p) => p.index)).to.deep.equal([2, 3, 4, 5, 7, 8]);
    expect(feed.items.map((i) => i.title)).to.deep.equal(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'Image']);

    const text = `[{"title":"Deep","url":"/d","region":${'['.repeat(5000)}${']'.repeat(5000)},"summary":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}]`;
    const fromText = parseFeedText(text);
    expect(fromText.items.map((i) => [i.title, i.summary])).to.deep.equal([['Deep', undefined]]);
  });

  it('keeps a 1 MB summary whole', () => {
    const summary = 'Libraries providing a lifeline. '.repeat(32_768); // 1,048,576 characters
    const feed = parseFeed([{ title: 'Big', url: '/big', summary, keywords: [summary, summary.toUpperCase()] }]);
    expect(feed.items[0]!.summary!.length).to.equal(summary.trim().length);
    expect(feed.items[0]!.keywords).to.have.length(1);
    expectItemContract(feed.items[0]!);
  });

  it('parses 50,000 items with the right counts', () => {
    const input = Array.from({ length: 50_000 }, (_, n) =>
      n % 10 === 9
        ? { id: `item-${n}`, title: `Case study ${n}`, url: 'javascript:alert(1)' }
        : {
            id: `item-${n % 25_000 === n ? n : n - 25_000}`,
            title: `Case study ${n}`,
            url: `/case-studies/${n}`,
            topics: ['Libraries', n % 2 ? 'Sport' : 'early years'],
            date: n % 7 ? '2021-06-14' : 'soon',
          },
    );
    const feed = parseFeed({ items: input });
    // Every tenth item has an unsafe url; the safe items from 25,000 on repeat the first half's ids.
    expect(feed.items.length + feed.skipped.length).to.equal(50_000);
    expect(feed.items).to.have.length(22_500);
    expect(feed.skipped.filter((p) => p.reason.startsWith('url ')).length).to.equal(5_000);
    expect(feed.skipped.filter((p) => p.reason.includes('already used')).length).to.equal(22_500);
    const skipped = new Set(feed.skipped.map((p) => p.index));
    const kept = feed.warnings.filter((p) => !skipped.has(p.index));
    expect(kept.length).to.equal(input.filter((_, n) => n < 25_000 && n % 10 !== 9 && n % 7 === 0).length);
    expect(feed.items.filter((i) => i.date === undefined).length).to.equal(kept.length);
  });

  it('gives well-formed display text without control characters', () => {
    const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('') + '\u007f';
    const nasty = `${controls}Ynys\uD800 M\uDC00ôn 😀 \uDBFF${controls}`;
    const feed = parseFeed([
      {
        title: nasty,
        url: '/nasty',
        summary: nasty,
        organisation: nasty,
        topics: [nasty, 'a\uD83D'],
        supportTypes: nasty,
        keywords: [nasty, `${nasty} `],
        image: { src: '/i.png', alt: nasty },
        collection: { label: nasty, url: '/c' },
        region: [nasty, '\uDE00'],
      },
    ]);
    expect(feed.items).to.have.length(1);
    expectItemContract(feed.items[0]!);
    const [item] = feed.items;
    expect(item!.title).to.equal('Ynys\uFFFD M\uFFFDôn 😀 \uFFFD');
    expect(item!.summary).to.equal(item!.title);
    expect(item!.topics).to.deep.equal([item!.title, 'a\uFFFD']);
    expect(item!.extra.region).to.deep.equal([item!.title, '\uFFFD']);
    // Tabs and newlines inside the text are kept: they are not control characters for display.
    expect(parseFeed([{ title: 'a\tb\nc', url: '/a' }]).items[0]!.title).to.equal('a\tb\nc');
  });
});

